package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /checkout/orders}. Amounts are not accepted: an {@code amount} in the body is ignored.
 * {@code display} and {@code card} mirror {@code IMP.request_pay}'s own options.
 */
@Serdeable
public record CreateOrderBody(
        @Nullable @Size(max = 50, message = "at most 50 items") List<@Valid @NotNull ItemBody> items,
        @JsonProperty("plan_id") @Nullable @Size(max = 64) String planId,
        @Nullable @Size(max = 32) String pg,
        @JsonProperty("pay_method") @Nullable @Size(max = 32) String payMethod,
        @Nullable @Valid BuyerBody buyer,
        @NotNull(message = "pc or mobile") @Pattern(regexp = "pc|mobile", message = "pc or mobile") String device,
        @Nullable JsonNode display,
        @Nullable JsonNode card,
        @Nullable Boolean escrow) {

    @Override
    public String toString() {
        return "CreateOrderBody[redacted]";
    }
}
