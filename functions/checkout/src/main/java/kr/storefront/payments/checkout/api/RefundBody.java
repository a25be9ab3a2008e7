package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /checkout/admin/orders/{merchant_uid}/refunds}. No {@code amount}: everything still refundable. A
 * virtual-account (vbank) order needs the account to refund to: {@code refund_holder}, {@code refund_bank} (the bank
 * code), {@code refund_account}, and for the PGs that ask for it the holder's phone {@code refund_tel}.
 */
@Serdeable
public record RefundBody(
        @Nullable @Min(1) @Max(100_000_000_000L) Long amount,
        @NotBlank @Size(max = 200) String reason,
        @JsonProperty("refund_holder") @Nullable @Size(max = 40) String refundHolder,
        @JsonProperty("refund_bank") @Nullable @Pattern(regexp = "[0-9A-Za-z]{2,10}", message = "a bank code, e.g. 004")
        String refundBank,
        @JsonProperty("refund_account") @Nullable @Pattern(regexp = "[0-9-]{6,30}", message = "6-30 digits or '-'")
        String refundAccount,
        @JsonProperty("refund_tel") @Nullable @Pattern(regexp = "[0-9-]{8,20}", message = "a phone number: 8-20 digits or '-'")
        String refundTel) {

    @Override
    public String toString() {
        return "RefundBody[amount=" + amount + ", refund account " + (refundAccount == null ? "none" : "redacted")
                + (refundTel == null ? "" : ", refund tel redacted") + "]";
    }
}
