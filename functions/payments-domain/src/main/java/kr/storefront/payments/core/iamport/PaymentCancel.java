package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;

/**
 * A refund request ({@code POST /payments/cancel}).
 *
 * @param impUid        the payment
 * @param amount        amount to refund in won; null for everything that is left
 * @param checksum      the refundable balance as we believe it to be; i'mport refuses if it differs,
 *                      which makes a retried refund harmless
 * @param reason        shown in i'mport's console and to the PG
 * @param taxFree       the tax-free part of {@code amount}, null for none
 * @param refundHolder  account holder to refund a virtual-account payment to (vbank only)
 * @param refundBank    bank code of that account (vbank only)
 * @param refundAccount that account's number (vbank only)
 * @param refundTel     that account holder's phone (vbank only, for the PGs that ask for it)
 */
public record PaymentCancel(String impUid, @Nullable Long amount, long checksum, String reason, @Nullable Long taxFree,
                            @Nullable String refundHolder, @Nullable String refundBank, @Nullable String refundAccount,
                            @Nullable String refundTel) {

    /** A refund to the payment's own means (card, easy pay). */
    public PaymentCancel(String impUid, @Nullable Long amount, long checksum, String reason) {
        this(impUid, amount, checksum, reason, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "PaymentCancel[impUid=" + impUid + ", amount=" + amount + ", checksum=" + checksum + ", taxFree=" + taxFree
                + ", refund account " + (refundAccount == null ? "none" : "redacted") + "]";
    }
}
