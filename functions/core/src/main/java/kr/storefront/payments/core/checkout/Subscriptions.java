package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.ResourceNotFoundException;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.idempotency.IdGenerator;
import kr.storefront.payments.core.idempotency.Idempotency;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.OptimisticUpdate;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.SubscriptionStore;

/** Subscribing a customer's active billing key to a plan, listing, and cancelling at period end. */
@Singleton
public class Subscriptions {

    /** A first charge may be scheduled at most this far ahead. */
    static final Duration MAX_FIRST_CHARGE_DELAY = Duration.ofDays(366);
    /** Tolerance for clocks: "now" from a browser may be slightly behind ours. */
    static final Duration PAST_TOLERANCE = Duration.ofMinutes(5);

    private final OrderPricing pricing;
    private final BillingKeyStore keys;
    private final SubscriptionStore subscriptions;
    private final Idempotency idempotency;
    private final IdGenerator ids;
    private final Clock clock;

    Subscriptions(OrderPricing pricing, BillingKeyStore keys, SubscriptionStore subscriptions, Idempotency idempotency,
                  IdGenerator ids, Clock clock) {
        this.pricing = pricing;
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.idempotency = idempotency;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Subscribes with the plan's terms copied, so later catalog changes never alter them.
     *
     * @param firstChargeAt when the first period is charged; now when null
     * @throws InvalidRequestException for an inactive plan, a key that is not the customer's or not active, or a bad date
     */
    public Subscription subscribe(String customerId, String planId, String customerUid, @Nullable Instant firstChargeAt,
                                  @Nullable String idempotencyKey) {
        Instant now = clock.instant();
        Plan plan = pricing.activePlan(planId);
        BillingKey key = keys.find(customerId, customerUid)
                .orElseThrow(() -> new InvalidRequestException("customer_uid", "not one of your billing keys"));
        if (key.status() != BillingKeyStatus.ACTIVE) {
            throw new InvalidRequestException("customer_uid", "billing key is " + key.status().name().toLowerCase()
                    + "; only active keys can be charged");
        }
        Instant first = firstChargeAt == null ? now : firstChargeAt;
        if (first.isBefore(now.minus(PAST_TOLERANCE)) || first.isAfter(now.plus(MAX_FIRST_CHARGE_DELAY))) {
            throw new InvalidRequestException("first_charge_at", "must be between now and one year from now");
        }
        Instant anchor = first.isBefore(now) ? now : first;
        Idempotency.Reservation reservation = idempotency.reserve("subscriptions:" + customerId, idempotencyKey,
                Canonical.of("subscription", planId, customerUid, firstChargeAt), ids::subscriptionId);
        String id = reservation.id();
        return reservation.existing(existingId -> subscriptions.find(customerId, existingId))
                .orElseGet(() -> subscriptions.insert(Subscription.start(id, customerId, customerUid, plan.id(), plan.name(),
                        plan.amount(), plan.interval(), anchor, now)).current().orElseThrow());
    }

    public Page<Subscription> list(String customerId, @Nullable String cursor, int limit) {
        return subscriptions.listByCustomer(customerId, cursor, limit);
    }

    /**
     * Cancels at the end of the paid period (at once if nothing was paid yet).
     *
     * @throws ResourceNotFoundException when the customer has no such subscription
     */
    public Subscription cancel(String customerId, String subscriptionId) {
        Subscription subscription = subscriptions.find(customerId, subscriptionId)
                .orElseThrow(() -> new ResourceNotFoundException("subscription", subscriptionId));
        return OptimisticUpdate.apply(subscription, current -> {
            Subscription cancelled = current.cancel(clock.instant());
            return cancelled.status() == current.status() && cancelled.cancelAtPeriodEnd() == current.cancelAtPeriodEnd()
                    ? Optional.empty() : Optional.of(cancelled);
        }, subscriptions::update, subscriptionId).value();
    }
}
