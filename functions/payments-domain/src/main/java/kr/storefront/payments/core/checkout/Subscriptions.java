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
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.ResourceNotFoundException;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.idempotency.IdGenerator;
import kr.storefront.payments.core.idempotency.Idempotency;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.ChargeLedger;
import kr.storefront.payments.core.store.OptimisticUpdate;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribing a customer's active billing key to a plan, listing, and cancelling at period end.
 *
 * <p>A kakaopay billing-key window asked to charge a plan's first period really charges it. The first
 * subscription to that plan on that key, while the paid period lasts, takes that payment as its period 0
 * (linked through our records: the key remembers its window's order), so rebill's first charge is period 1.
 * Another plan on that key is refused while the window's payment is unclaimed; a subscription after the
 * paid period has passed starts as any other (its period 0 charged by rebill).
 */
@Singleton
public class Subscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

    /** A first charge may be scheduled at most this far ahead. */
    static final Duration MAX_FIRST_CHARGE_DELAY = Duration.ofDays(366);
    /** Tolerance for clocks: "now" from a browser may be slightly behind ours. */
    static final Duration PAST_TOLERANCE = Duration.ofMinutes(5);

    private final OrderPricing pricing;
    private final BillingKeyStore keys;
    private final SubscriptionStore subscriptions;
    private final OrderStore orders;
    private final ChargeLedger ledger;
    private final Idempotency idempotency;
    private final IdGenerator ids;
    private final Clock clock;

    Subscriptions(OrderPricing pricing, BillingKeyStore keys, SubscriptionStore subscriptions, OrderStore orders, ChargeLedger ledger,
                  Idempotency idempotency, IdGenerator ids, Clock clock) {
        this.pricing = pricing;
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.orders = orders;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Subscribes with the plan's terms copied, so later catalog changes never alter them.
     *
     * @param firstChargeAt when the first period is charged; now when null. Refused when the key's window paid
     *                      the first period already
     * @throws InvalidRequestException for an inactive plan, a key that is not the customer's or not active, a bad date,
     *                                 or another plan than the one the key's window paid the first period of
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
        Optional<Order> paidWindow = unclaimedFirstPeriod(key, plan, now);
        if (paidWindow.isPresent()) {
            if (!plan.id().equals(paidWindow.get().planId())) {
                throw new InvalidRequestException("plan_id", "this card's billing-key window paid the first period of another "
                        + "plan; subscribe to that plan first");
            }
            if (firstChargeAt != null) {
                throw new InvalidRequestException("first_charge_at", "the first period was paid in the billing-key window; "
                        + "leave first_charge_at out");
            }
        }
        Instant anchor = first.isBefore(now) ? now : first;
        Idempotency.Reservation reservation = idempotency.reserve("subscriptions:" + customerId, idempotencyKey,
                Canonical.of("subscription", planId, customerUid, firstChargeAt), ids::subscriptionId);
        String id = reservation.id();
        return reservation.existing(existingId -> subscriptions.find(customerId, existingId))
                .or(() -> paidWindow.flatMap(window -> startPaidByWindow(id, key, plan, window, now)))
                .orElseGet(() -> subscriptions.insert(Subscription.start(id, customerId, customerUid, plan.id(), plan.name(),
                        plan.amount(), plan.interval(), anchor, now)).current().orElseThrow());
    }

    /**
     * The key's window order when it charged a first period that no subscription has claimed and that has not
     * ended yet. Its paid period is anchored at the window's confirmation (the order's last write) and lasts one
     * interval of the window's own plan, whichever plan is asked for now: once it ended, nothing is left to claim.
     */
    private Optional<Order> unclaimedFirstPeriod(BillingKey key, Plan plan, Instant now) {
        if (key.windowMerchantUid() == null) {
            return Optional.empty();
        }
        Optional<Order> window = orders.find(key.windowMerchantUid())
                .filter(order -> order.paysAFirstPeriod() && order.subscriptionId() == null);
        if (window.isEmpty()) {
            return window;
        }
        Order paid = window.get();
        // a plan gone from the catalog has no period left to claim
        Optional<Plan> paidPlan = plan.id().equals(paid.planId()) ? Optional.of(plan) : pricing.plan(paid.planId());
        if (paidPlan.isEmpty() || !now.isBefore(paidPlan.get().interval().periodStart(paid.updatedAt(), 1))) {
            LOG.warn("billing-key window {} paid a first period of plan {} that ended before any subscription claimed it",
                    paid.merchantUid(), paid.planId());
            return Optional.empty();
        }
        return window;
    }

    /**
     * Period 0 is the window's payment: the subscription, its paid period-0 attempt and the window's claim are
     * written in one transaction. Empty when the window was claimed meanwhile by another subscription (then
     * this one starts as any other); a concurrent retry of this very request finds its subscription stored.
     */
    private Optional<Subscription> startPaidByWindow(String id, BillingKey key, Plan plan, Order window, Instant now) {
        Subscription subscription = Subscription.startWithFirstPeriodPaid(id, key.customerId(), key.customerUid(), plan.id(),
                plan.name(), plan.amount(), plan.interval(), window.updatedAt(), now);
        Optional<Subscription> started = ledger.startPaidByWindow(subscription, ChargeAttempt.paidByWindow(subscription, window, now),
                window.claimedAsFirstPeriodOf(id, now));
        if (started.isPresent()) {
            LOG.info("subscription {} starts with period 0 paid by billing-key window {}; next charge {}", id,
                    window.merchantUid(), started.get().nextChargeAt());
            return started;
        }
        return subscriptions.find(key.customerId(), id);
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
                .orElseThrow(() -> new ResourceNotFoundException("subscription"));
        return OptimisticUpdate.apply(subscription, current -> {
            Subscription cancelled = current.cancel(clock.instant());
            return cancelled.status() == current.status() && cancelled.cancelAtPeriodEnd() == current.cancelAtPeriodEnd()
                    ? Optional.empty() : Optional.of(cancelled);
        }, subscriptions::update, subscriptionId).value();
    }
}
