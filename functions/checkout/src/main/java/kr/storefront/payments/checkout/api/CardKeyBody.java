package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /checkout/billing-keys/card}: {@code {"pg": "tosspayments", "card_number": ..., "expiry": ..., ...}}. */
@Serdeable
public record CardKeyBody(@Nullable @Size(max = 32) String pg, @JsonUnwrapped @Valid @NotNull CardBody card) {

    @Override
    public String toString() {
        return "CardKeyBody[redacted]";
    }
}
