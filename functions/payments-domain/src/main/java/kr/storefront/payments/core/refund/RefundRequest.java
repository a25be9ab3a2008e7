package kr.storefront.payments.core.refund;

import io.micronaut.core.annotation.Nullable;

/**
 * An operator's refund of one order.
 *
 * @param amount        won to refund; null for everything still refundable
 * @param reason        why (sent to i'mport and the PG); required
 * @param refundHolder  holder of the account a virtual-account payment is refunded to (vbank only, required there)
 * @param refundBank    that account's bank code (vbank only, required there)
 * @param refundAccount that account's number (vbank only, required there)
 * @param refundTel     the holder's phone (vbank only; some PGs ask for it, i'mport passes it on), a buyer contact: never logged
 */
public record RefundRequest(@Nullable Long amount, @Nullable String reason, @Nullable String refundHolder,
                            @Nullable String refundBank, @Nullable String refundAccount, @Nullable String refundTel) {

    /** A refund to the payment's own means (card, easy pay): no refund account. */
    public RefundRequest(@Nullable Long amount, @Nullable String reason) {
        this(amount, reason, null, null, null, null);
    }

    /** The request as a canonical text for the idempotency fingerprint (hashed, never stored as such). */
    String canonical() {
        return "amount=" + amount + "\nreason=" + reason + "\nholder=" + refundHolder + "\nbank=" + refundBank
                + "\naccount=" + refundAccount + "\ntel=" + refundTel;
    }

    @Override
    public String toString() {
        return "RefundRequest[amount=" + amount + ", refund account " + (refundAccount == null ? "none" : "redacted")
                + (refundTel == null ? "" : ", refund tel redacted") + "]";
    }
}
