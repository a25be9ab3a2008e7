package kr.storefront.payments.core.rebill;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merchant_uid of a rebill attempt: {@code <subscription id>_p<period>_a<attempt>}. Deterministic, so
 * an attempt can always be looked up at i'mport by what we stored before calling, and one per attempt,
 * so a retry after a decline or a proven non-charge never collides with an earlier payment.
 */
public final class MerchantUids {

    /** i'mport's limit. */
    public static final int MAX_LENGTH = 40;
    private static final Pattern SUFFIX = Pattern.compile("_p(\\d{1,9})_a(\\d{1,9})");

    private MerchantUids() {
    }

    /** Which attempt of {@code subscriptionId} a merchant_uid names; empty if it names none of that subscription's. */
    public static Optional<Attempt> parse(String merchantUid, String subscriptionId) {
        Matcher matcher = SUFFIX.matcher(merchantUid);
        if (!merchantUid.startsWith(subscriptionId) || !matcher.region(subscriptionId.length(), merchantUid.length()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Attempt(subscriptionId, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    /** One attempt of one period of a subscription. */
    public record Attempt(String subscriptionId, int period, int attempt) {
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
