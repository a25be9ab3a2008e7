package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /checkout/payments/card}: catalog items or a plan, the card, and whether to keep it as a billing key. */
@Serdeable
public record CardPaymentBody(
        @Nullable @Size(max = 50, message = "at most 50 items") List<@Valid @NotNull ItemBody> items,
        @JsonProperty("plan_id") @Nullable @Size(max = 64) String planId,
        @Nullable @Size(max = 32) String pg,
        @JsonProperty("save_card") @Nullable Boolean saveCard,
        @JsonUnwrapped @Valid @NotNull CardBody card) {

    @Override
    public String toString() {
        return "CardPaymentBody[redacted]";
    }
}
