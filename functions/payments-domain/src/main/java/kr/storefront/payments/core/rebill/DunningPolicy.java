package kr.storefront.payments.core.rebill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import kr.storefront.payments.core.domain.Subscription;

/**
 * What a declined charge does to its subscription: the period is tried again after the n-th delay of
 * the schedule (counted from the decline), and once the schedule is used up the subscription is left
 * PAST_DUE without a next charge time, or cancelled, as configured.
 *
 * <p>With the default {@code 1d,3d,7d} a period gets four tries: the due date, then 1, 3 and 7 days
 * after each decline in turn.
 */
public final class DunningPolicy {

    private final List<Duration> retryDelays;
    private final RebillConfiguration.AfterDunning afterDunning;

    public DunningPolicy(List<Duration> retryDelays, RebillConfiguration.AfterDunning afterDunning) {
        this.retryDelays = List.copyOf(retryDelays);
        this.afterDunning = Objects.requireNonNull(afterDunning, "afterDunning");
    }

    /** The subscription after its open attempt was declined at {@code now}. */
    public Subscription afterDecline(Subscription subscription, Instant now) {
        int declines = subscription.failedAttempts() + 1;
        if (declines <= retryDelays.size()) {
            return subscription.declined(now.plus(retryDelays.get(declines - 1)), now);
        }
        Subscription counted = subscription.declineCounted(now);
        return afterDunning == RebillConfiguration.AfterDunning.CANCEL ? counted.cancelNow(now) : counted.chargingStopped(now);
    }
}
