package kr.storefront.payments.core.domain;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * One {@code POST /subscribe/payments/again} attempt for one subscription period, stored before
 * the call so a crash or timeout can always be reconciled by its merchant_uid.
 *
 * @param customerId     owner
 * @param subscriptionId subscription charged
 * @param period         period number charged
 * @param attempt        attempt number within the period (1-based)
 * @param merchantUid    deterministic id sent to i'mport for this attempt
 * @param customerUid    billing key charged
 * @param amount         amount in won
 * @param currency       {@code KRW}
 * @param name           charge name
 * @param state          where it stands
 * @param impUid         i'mport's payment id, once known
 * @param failReason     decline or failure reason
 * @param createdAt      creation time
 * @param updatedAt      last change
 * @param version        optimistic-locking version
 */
public record ChargeAttempt(
        String customerId,
        String subscriptionId,
        int period,
        int attempt,
        String merchantUid,
        String customerUid,
        long amount,
        String currency,
        String name,
        ChargeAttemptState state,
        @Nullable String impUid,
        @Nullable String failReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public ChargeAttempt {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(merchantUid, "merchantUid");
        Objects.requireNonNull(customerUid, "customerUid");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (period < 0 || attempt < 1 || amount <= 0) {
            throw new IllegalArgumentException("period >= 0, attempt >= 1 and amount > 0 required");
        }
    }

    /** The attempt as written just before calling i'mport. */
    public static ChargeAttempt inFlight(Subscription subscription, int attempt, String merchantUid, Instant now) {
        return new ChargeAttempt(subscription.customerId(), subscription.id(), subscription.period(), attempt, merchantUid,
                subscription.customerUid(), subscription.amount(), subscription.currency(), subscription.name(),
                ChargeAttemptState.IN_FLIGHT, null, null, now, now, 0);
    }

    /**
     * Period 0 of {@code subscription}, paid by the billing-key window {@code window} before the subscription
     * existed (kakaopay charges the window's amount): recorded as a paid attempt under the window's merchant_uid.
     */
    public static ChargeAttempt paidByWindow(Subscription subscription, Order window, Instant now) {
        return new ChargeAttempt(subscription.customerId(), subscription.id(), 0, 1, window.merchantUid(),
                subscription.customerUid(), window.amount(), window.currency(), window.name(), ChargeAttemptState.PAID,
                window.impUid(), null, now, now, 0);
    }

    /** @throws IllegalStateException if the state may not change that way */
    public ChargeAttempt transitionTo(ChargeAttemptState next, @Nullable String reportedImpUid, @Nullable String reason, Instant now) {
        if (!state.canBecome(next)) {
            throw new IllegalStateException("charge attempt " + merchantUid + " cannot go from " + state + " to " + next);
        }
        return new ChargeAttempt(customerId, subscriptionId, period, attempt, merchantUid, customerUid, amount, currency, name,
                next, reportedImpUid != null ? reportedImpUid : impUid, reason != null ? reason : failReason, createdAt, now,
                version);
    }
}
