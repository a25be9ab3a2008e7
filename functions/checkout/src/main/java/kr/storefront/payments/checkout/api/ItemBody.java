package kr.storefront.payments.checkout.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code {"sku": "BEANS-1KG", "quantity": 2}}: no price, ever. */
@Serdeable
public record ItemBody(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(99) Integer quantity) {
}
