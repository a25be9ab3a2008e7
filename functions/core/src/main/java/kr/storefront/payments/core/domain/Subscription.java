package kr.storefront.payments.core.domain;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's plan, charged on a saved billing key. Name, amount and interval are copied from the
 * plan when subscribing, so a later catalog change never alters what an existing subscriber pays.
 *
 * @param id                opaque id
 * @param customerId        owner (JWT {@code sub})
 * @param customerUid       billing key charged
 * @param planId            plan subscribed to
 * @param name              charge name (≤ 40 chars)
 * @param amount            amount per period in won
 * @param currency          {@code KRW}
 * @param interval          billing interval
 * @param anchorAt          first charge time; every period date derives from it
 * @param period            number of the next period to charge (0 = first)
 * @param nextChargeAt      when the rebill job should next try; null when nothing is due any more
 * @param status            life-cycle state
 * @param failedAttempts    declined attempts in the current period (dunning step)
 * @param cancelAtPeriodEnd ends instead of renewing when the current paid period is over
 * @param createdAt         creation time
 * @param updatedAt         last change
 * @param version           optimistic-locking version
 */
public record Subscription(
        String id,
        String customerId,
        String customerUid,
        String planId,
        String name,
        long amount,
        String currency,
        BillingInterval interval,
        Instant anchorAt,
        int period,
        @Nullable Instant nextChargeAt,
        SubscriptionStatus status,
        int failedAttempts,
        boolean cancelAtPeriodEnd,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(customerUid, "customerUid");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(anchorAt, "anchorAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (amount <= 0 || period < 0 || failedAttempts < 0) {
            throw new IllegalArgumentException("amount must be > 0, period and failedAttempts >= 0");
        }
    }

    /** A new subscription whose first charge is due at {@code firstChargeAt}. */
    public static Subscription start(String id, String customerId, String customerUid, String planId, String name, long amount,
                                     BillingInterval interval, Instant firstChargeAt, Instant now) {
        return new Subscription(id, customerId, customerUid, planId, name, amount, "KRW", interval, firstChargeAt, 0,
                firstChargeAt, SubscriptionStatus.ACTIVE, 0, false, now, now, 0);
    }

    /**
     * The customer cancels: a subscription with a paid period runs to the end of it and is not
     * renewed; one never charged, or past due, ends now.
     */
    public Subscription cancel(Instant now) {
        if (status == SubscriptionStatus.CANCELLED) {
            return this;
        }
        if (period == 0 || status == SubscriptionStatus.PAST_DUE) {
            return cancelNow(now);
        }
        return new Subscription(id, customerId, customerUid, planId, name, amount, currency, interval, anchorAt, period,
                nextChargeAt, status, failedAttempts, true, createdAt, now, version);
    }

    /** Ends it at once: never charged again (e.g. its billing key is being deleted). */
    public Subscription cancelNow(Instant now) {
        return new Subscription(id, customerId, customerUid, planId, name, amount, currency, interval, anchorAt, period,
                null, SubscriptionStatus.CANCELLED, failedAttempts, cancelAtPeriodEnd, createdAt, now, version);
    }

    /** Whether the rebill job should charge it at {@code now}. */
    public boolean isDue(Instant now) {
        return status.isBillable() && nextChargeAt != null && !nextChargeAt.isAfter(now);
    }
}
