package kr.storefront.payments.checkout.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.storefront.payments.core.catalog.CatalogValidation;

/**
 * {@code PUT /checkout/admin/plans/{plan_id}}: {@code {"name", "amount", "interval": {"unit": "month", "count": 1}, "active",
 * "digital"}}; {@code digital} (default false) as for products.
 */
@Serdeable
public record PlanBody(
        @NotBlank @Size(max = CatalogValidation.MAX_NAME_LENGTH) String name,
        @NotNull @Min(1) @Max(CatalogValidation.MAX_PRICE) Long amount,
        @NotNull @Valid IntervalBody interval,
        @NotNull Boolean active,
        @Nullable Boolean digital) {

    /** A billing interval. */
    @Serdeable
    public record IntervalBody(
            @NotNull @Pattern(regexp = "month|day", message = "month or day") String unit,
            @NotNull @Min(1) @Max(366) Integer count) { }
}
