package kr.storefront.payments.checkout.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kr.storefront.payments.core.catalog.CatalogValidation;

/**
 * {@code PUT /checkout/admin/products/{sku}}. {@code digital} (default false): not a physical good, sent to the
 * window as {@code digital} for phone payments.
 */
@Serdeable
public record ProductBody(
        @NotBlank @Size(max = CatalogValidation.MAX_NAME_LENGTH) String name,
        @NotNull @Min(1) @Max(CatalogValidation.MAX_PRICE) Long price,
        @NotNull Boolean active,
        @Nullable Boolean digital) {
}
