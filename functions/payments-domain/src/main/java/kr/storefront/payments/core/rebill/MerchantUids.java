package kr.storefront.payments.core.rebill;

/**
 * The merchant_uid of a rebill attempt: {@code <subscription id>_p<period>_a<attempt>}. Deterministic, so
 * an attempt can always be looked up at i'mport by what we stored before calling, and one per attempt,
 * so a retry after a decline or a proven non-charge never collides with an earlier payment.
 */
public final class MerchantUids {

    /** i'mport's limit. */
    public static final int MAX_LENGTH = 40;

    private MerchantUids() {
    }

    /** @throws IllegalArgumentException if the result would exceed {@value #MAX_LENGTH} characters */
    public static String of(String subscriptionId, int period, int attempt) {
        String merchantUid = subscriptionId + "_p" + period + "_a" + attempt;
        if (merchantUid.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("merchant_uid " + merchantUid + " is longer than " + MAX_LENGTH + " characters");
        }
        return merchantUid;
    }
}
