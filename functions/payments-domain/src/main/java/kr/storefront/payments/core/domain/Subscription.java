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
 * @param periodAttempts    charge attempts begun for the current period; the next one is {@code periodAttempts + 1}
 * @param attemptOpen       the last of them is unresolved (in flight or outcome unknown): nothing else may be
 *                          started for this subscription until it is resolved, so it is not due meanwhile
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
        int periodAttempts,
        boolean attemptOpen,
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
        if (amount <= 0 || period < 0 || failedAttempts < 0 || periodAttempts < 0) {
            throw new IllegalArgumentException("amount must be > 0, period, failedAttempts and periodAttempts >= 0");
        }
    }

    /** A subscription without charge-attempt bookkeeping (none begun in the current period). */
    public Subscription(String id, String customerId, String customerUid, String planId, String name, long amount,
                        String currency, BillingInterval interval, Instant anchorAt, int period, @Nullable Instant nextChargeAt,
                        SubscriptionStatus status, int failedAttempts, boolean cancelAtPeriodEnd, Instant createdAt,
                        Instant updatedAt, long version) {
        this(id, customerId, customerUid, planId, name, amount, currency, interval, anchorAt, period, nextChargeAt, status,
                failedAttempts, cancelAtPeriodEnd, 0, false, createdAt, updatedAt, version);
    }

    /** A new subscription whose first charge is due at {@code firstChargeAt}. */
    public static Subscription start(String id, String customerId, String customerUid, String planId, String name, long amount,
                                     BillingInterval interval, Instant firstChargeAt, Instant now) {
        return new Subscription(id, customerId, customerUid, planId, name, amount, "KRW", interval, firstChargeAt, 0,
                firstChargeAt, SubscriptionStatus.ACTIVE, 0, false, 0, false, now, now, 0);
    }

    /**
     * A new subscription whose period 0 was paid at {@code firstPeriodPaidAt} by its billing-key window: the next
     * charge is period 1, one interval after that payment.
     */
    public static Subscription startWithFirstPeriodPaid(String id, String customerId, String customerUid, String planId,
                                                        String name, long amount, BillingInterval interval,
                                                        Instant firstPeriodPaidAt, Instant now) {
        return start(id, customerId, customerUid, planId, name, amount, interval, firstPeriodPaidAt, now).periodPaid(now);
    }

    /**
     * The customer cancels: a subscription with a paid period runs to the end of it and is not
     * renewed; one never charged, or past due, ends now.
     */
    public Subscription cancel(Instant now) {
        if (status == SubscriptionStatus.CANCELLED) {
            return this;
        }
        if (period == 0 || status == SubscriptionStatus.PAST_DUE || status == SubscriptionStatus.PAUSED) {
            return cancelNow(now);
        }
        return copy(period, nextChargeAt, status, failedAttempts, true, periodAttempts, attemptOpen, now);
    }

    /** Ends it at once: never charged again (e.g. its billing key is being deleted). */
    public Subscription cancelNow(Instant now) {
        return copy(period, null, SubscriptionStatus.CANCELLED, failedAttempts, cancelAtPeriodEnd, periodAttempts, attemptOpen, now);
    }

    /**
     * An operator pauses it: nothing is charged until {@link #resume}. Only an active subscription with no charge in
     * flight may be paused (a past-due one is being dunned; an open attempt's outcome is not known yet).
     *
     * @throws IllegalStateException otherwise
     */
    public Subscription pause(Instant now) {
        if (status != SubscriptionStatus.ACTIVE || attemptOpen || cancelAtPeriodEnd) {
            throw new IllegalStateException("subscription " + id + " cannot be paused: " + status
                    + (attemptOpen ? " with an open attempt" : "") + (cancelAtPeriodEnd ? " ending at period end" : ""));
        }
        return copy(period, null, SubscriptionStatus.PAUSED, failedAttempts, false, periodAttempts, false, now);
    }

    /**
     * A paused subscription is charged again, on its own anchor dates: the next period is the first that starts at or
     * after {@code now}; periods that started while it was paused are skipped, never billed (Stripe's
     * {@code pause_collection} with {@code behavior=void} does the same).
     *
     * @throws IllegalStateException if it is not paused
     */
    public Subscription resume(Instant now) {
        if (status != SubscriptionStatus.PAUSED) {
            throw new IllegalStateException("subscription " + id + " is not paused: " + status);
        }
        int next = period;
        while (interval.periodStart(anchorAt, next).isBefore(now)) {
            next++;
        }
        boolean skipped = next != period;
        return copy(next, interval.periodStart(anchorAt, next), SubscriptionStatus.ACTIVE, skipped ? 0 : failedAttempts, false,
                skipped ? 0 : periodAttempts, false, now);
    }

    /** When the current paid period ends (the next period's start); null if no period was paid yet. */
    @Nullable
    public Instant paidThrough() {
        return period == 0 ? null : interval.periodStart(anchorAt, period);
    }

    /** When the last paid period began; null if no period was paid yet. */
    @Nullable
    public Instant paidPeriodStart() {
        return period == 0 ? null : interval.periodStart(anchorAt, period - 1);
    }

    /** Whether the rebill job should charge it at {@code now}. */
    public boolean isDue(Instant now) {
        return isScheduled() && !nextChargeAt.isAfter(now);
    }

    /** Billable with a next charge time and no unresolved attempt: what the due index holds. */
    public boolean isScheduled() {
        return status.isBillable() && nextChargeAt != null && !attemptOpen;
    }

    /** Number of the next charge attempt of the current period. */
    public int nextAttempt() {
        return periodAttempts + 1;
    }

    /**
     * A charge attempt of the current period begins: written together with the attempt itself, so two
     * runs can never both begin one.
     *
     * @throws IllegalStateException if it is not chargeable now (not billable, or an attempt is open)
     */
    public Subscription attemptStarted(Instant now) {
        if (!status.isBillable() || attemptOpen) {
            throw new IllegalStateException("subscription " + id + " cannot start a charge: " + status
                    + (attemptOpen ? " with an open attempt" : ""));
        }
        return copy(period, nextChargeAt, status, failedAttempts, cancelAtPeriodEnd, periodAttempts + 1, true, now);
    }

    /**
     * The open attempt charged nothing and never reached the card company: the period stays due as it
     * was, and the next run tries again with the next attempt number.
     */
    public Subscription attemptReleased(Instant now) {
        return copy(period, nextChargeAt, status, failedAttempts, cancelAtPeriodEnd, periodAttempts, false, now);
    }

    /**
     * The current period is paid: the next one starts, at the anchor-based date (never drifting from
     * a late or retried charge). A subscription cancelled meanwhile stays cancelled.
     */
    public Subscription periodPaid(Instant now) {
        int next = period + 1;
        if (status == SubscriptionStatus.CANCELLED) {
            return copy(next, null, status, 0, cancelAtPeriodEnd, 0, false, now);
        }
        return copy(next, interval.periodStart(anchorAt, next), SubscriptionStatus.ACTIVE, 0, cancelAtPeriodEnd, 0, false, now);
    }

    /** The open attempt was declined; the dunning schedule tries the same period again at {@code retryAt}. */
    public Subscription declined(Instant retryAt, Instant now) {
        SubscriptionStatus next = status == SubscriptionStatus.CANCELLED ? status : SubscriptionStatus.PAST_DUE;
        return copy(period, next.isBillable() ? retryAt : null, next, failedAttempts + 1, cancelAtPeriodEnd, periodAttempts,
                false, now);
    }

    /**
     * Charging stops without ending the subscription: PAST_DUE with no next charge time, out of the
     * due index until someone schedules it again (a new billing key, a manual review).
     */
    public Subscription chargingStopped(Instant now) {
        SubscriptionStatus next = status == SubscriptionStatus.CANCELLED ? status : SubscriptionStatus.PAST_DUE;
        return copy(period, null, next, failedAttempts, cancelAtPeriodEnd, periodAttempts, false, now);
    }

    /** Counts a decline without scheduling another try (the dunning schedule is used up). */
    public Subscription declineCounted(Instant now) {
        return copy(period, nextChargeAt, status, failedAttempts + 1, cancelAtPeriodEnd, periodAttempts, false, now);
    }

    private Subscription copy(int newPeriod, @Nullable Instant newNextChargeAt, SubscriptionStatus newStatus, int newFailedAttempts,
                              boolean newCancelAtPeriodEnd, int newPeriodAttempts, boolean newAttemptOpen, Instant now) {
        return new Subscription(id, customerId, customerUid, planId, name, amount, currency, interval, anchorAt, newPeriod,
                newNextChargeAt, newStatus, newFailedAttempts, newCancelAtPeriodEnd, newPeriodAttempts, newAttemptOpen, createdAt,
                now, version);
    }
}
