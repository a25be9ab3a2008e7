package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /checkout/billing-keys}: a billing-key window. {@code charge_first_period} must be
 * explicit (kakaopay charges a positive window amount for real).
 */
@Serdeable
public record BillingWindowBody(
        @Nullable @Size(max = 32) String pg,
        @JsonProperty("pay_method") @Nullable @Size(max = 32) String payMethod,
        @JsonProperty("plan_id") @Nullable @Size(max = 64) String planId,
        @JsonProperty("charge_first_period") @Nullable Boolean chargeFirstPeriod,
        @Nullable @Valid BuyerBody buyer,
        @NotNull(message = "pc or mobile") @Pattern(regexp = "pc|mobile", message = "pc or mobile") String device) {

    @Override
    public String toString() {
        return "BillingWindowBody[redacted]";
    }
}
