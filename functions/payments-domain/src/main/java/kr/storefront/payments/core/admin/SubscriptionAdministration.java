package kr.storefront.payments.core.admin;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.ResourceNotFoundException;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import kr.storefront.payments.core.refund.RefundOutcome;
import kr.storefront.payments.core.refund.RefundRequest;
import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.store.OptimisticUpdate;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.SubscriptionStore;

/** The back office's view of a customer's subscriptions, and pause, resume and cancel-now, each one audited. */
@Singleton
public class SubscriptionAdministration {

    private final SubscriptionStore subscriptions;
    private final ChargeAttemptStore attempts;
    private final OrderStore orders;
    private final AuditTrail audit;
    private final AdminAudit audited;
    private final OrderAdministration orderAdministration;
    private final Clock clock;

    SubscriptionAdministration(SubscriptionStore subscriptions, ChargeAttemptStore attempts, OrderStore orders, AuditTrail audit,
                               AdminAudit audited, OrderAdministration orderAdministration, Clock clock) {
        this.subscriptions = subscriptions;
        this.attempts = attempts;
        this.orders = orders;
        this.audit = audit;
        this.audited = audited;
        this.orderAdministration = orderAdministration;
        this.clock = clock;
    }

    /** One page of a customer's subscriptions, and the audit entries of each (by subscription id, oldest first). */
    public record CustomerSubscriptions(Page<Subscription> page, Map<String, List<AuditEntry>> audit) {
    }

    /**
     * An immediate cancellation.
     *
     * @param subscription after it
     * @param refundedOrder the order whose charge was refunded, if a refund was asked for and due
     * @param refund        that refund's outcome
     */
    public record Cancellation(Subscription subscription, @Nullable String refundedOrder, Optional<RefundOutcome> refund) {
    }

    public CustomerSubscriptions list(String customerId, @Nullable String cursor, int limit) {
        Page<Subscription> page = subscriptions.listByCustomer(customerId, cursor, limit);
        Map<String, List<AuditEntry>> entries = page.items().isEmpty() ? Map.of()
                : audit.forSubscriptionsOf(customerId).stream().collect(Collectors.groupingBy(e -> e.subject().subscriptionId()));
        return new CustomerSubscriptions(page, entries);
    }

    /** The audit entries of one subscription, oldest first. */
    public List<AuditEntry> auditOf(Subscription subscription) {
        return audit.forSubscriptionsOf(subscription.customerId()).stream()
                .filter(e -> subscription.id().equals(e.subject().subscriptionId())).toList();
    }

    /** @throws SubscriptionActionRefusedException unless it is active, with no charge in flight */
    public Subscription pause(AdminActor actor, String customerId, String subscriptionId) {
        return audited.run(actor, AuditSubject.subscription(customerId, subscriptionId), "pause", "pause charging",
                () -> change(customerId, subscriptionId, current -> {
                    if (current.status() == SubscriptionStatus.PAUSED) {
                        return current;
                    }
                    if (current.status() != SubscriptionStatus.ACTIVE || current.attemptOpen() || current.cancelAtPeriodEnd()) {
                        throw new SubscriptionActionRefusedException(current.attemptOpen()
                                ? SubscriptionActionRefusedException.Reason.CHARGE_IN_FLIGHT
                                : SubscriptionActionRefusedException.Reason.NOT_PAUSABLE,
                                "only an active subscription with no charge in flight, not ending at period end, can be paused; "
                                        + "this one is " + describe(current));
                    }
                    return current.pause(clock.instant());
                }), s -> "paused");
    }

    /** @throws SubscriptionActionRefusedException unless it is paused */
    public Subscription resume(AdminActor actor, String customerId, String subscriptionId) {
        return audited.run(actor, AuditSubject.subscription(customerId, subscriptionId), "resume", "resume charging",
                () -> change(customerId, subscriptionId, current -> {
                    if (current.status() != SubscriptionStatus.PAUSED) {
                        throw new SubscriptionActionRefusedException(SubscriptionActionRefusedException.Reason.NOT_PAUSED,
                                "only a paused subscription can be resumed; this one is " + describe(current));
                    }
                    return current.resume(clock.instant());
                }), s -> "resumed: next charge " + s.nextChargeAt());
    }

    /**
     * Ends the subscription now and, if asked, refunds the current paid period's rebill charge (through the order's
     * audited refund, so the order's trail shows it too). Only the call that cancels refunds: a retry of a cancellation
     * that went through is refused, never refunds twice.
     *
     * @throws SubscriptionActionRefusedException when a refund is asked of one cancelled already, with a charge in
     *                                            flight, or with no refundable rebill charge in the current period
     */
    public Cancellation cancelNow(AdminActor actor, String customerId, String subscriptionId, SubscriptionRefund refund,
                                  @Nullable String reason, @Nullable String idempotencyKey) {
        String detail = "cancel now, refund " + refund.name().toLowerCase(java.util.Locale.ROOT)
                + (reason == null ? "" : ": " + reason);
        return audited.run(actor, AuditSubject.subscription(customerId, subscriptionId), "cancel", detail,
                () -> cancel(actor, customerId, subscriptionId, refund, reason, idempotencyKey), SubscriptionAdministration::outcome);
    }

    private Cancellation cancel(AdminActor actor, String customerId, String subscriptionId, SubscriptionRefund refund,
                                @Nullable String reason, @Nullable String idempotencyKey) {
        Subscription current = find(customerId, subscriptionId);
        if (refund == SubscriptionRefund.NONE) {
            return new Cancellation(cancelled(current), null, Optional.empty());
        }
        if (current.status() == SubscriptionStatus.CANCELLED) {
            throw new SubscriptionActionRefusedException(SubscriptionActionRefusedException.Reason.ALREADY_CANCELLED,
                    "the subscription is cancelled already; refund its last charge through its order's refund route");
        }
        if (current.attemptOpen()) {
            throw new SubscriptionActionRefusedException(SubscriptionActionRefusedException.Reason.CHARGE_IN_FLIGHT,
                    "a charge of this subscription is in flight or unsettled; retry once it is settled");
        }
        Order charged = currentPeriodCharge(current);
        Long amount = refund == SubscriptionRefund.FULL ? null : prorated(current, charged, clock.instant());
        var cancelled = OptimisticUpdate.apply(current, s -> s.status() == SubscriptionStatus.CANCELLED ? Optional.empty()
                : Optional.of(s.cancelNow(clock.instant())), subscriptions::update, "subscription " + subscriptionId);
        if (!cancelled.written()) {
            throw new SubscriptionActionRefusedException(SubscriptionActionRefusedException.Reason.ALREADY_CANCELLED,
                    "the subscription was cancelled meanwhile; nothing was refunded");
        }
        if (amount != null && amount == 0) {
            return new Cancellation(cancelled.value(), charged.merchantUid(), Optional.empty());
        }
        RefundOutcome outcome = orderAdministration.refund(actor, charged.merchantUid(), new RefundRequest(amount,
                reason == null ? "subscription cancelled" : reason), idempotencyKey);
        return new Cancellation(cancelled.value(), charged.merchantUid(), Optional.of(outcome));
    }

    /** The rebill order that paid the current period, if it can still be refunded. */
    private Order currentPeriodCharge(Subscription subscription) {
        Optional<Order> charged = subscription.period() == 0 ? Optional.empty()
                : attempts.listForPeriod(subscription.customerId(), subscription.id(), subscription.period() - 1).stream()
                .filter(a -> a.state() == ChargeAttemptState.PAID).map(ChargeAttempt::merchantUid).findFirst()
                .flatMap(orders::find);
        return charged.filter(Order::isRefundable).orElseThrow(() -> new SubscriptionActionRefusedException(
                SubscriptionActionRefusedException.Reason.NOTHING_TO_REFUND, subscription.period() == 0
                        ? "no period of this subscription was charged"
                        : "the current period has no refundable rebill charge (refunded already, or paid by the billing-key "
                                + "window: refund that order through its refund route)"));
    }

    /** The unused part of the period's charge, rounded down, at most what is left of the order. */
    static long prorated(Subscription subscription, Order charged, Instant now) {
        Instant start = subscription.paidPeriodStart();
        Instant end = subscription.paidThrough();
        long length = Duration.between(start, end).toMillis();
        long remaining = Math.max(0, Math.min(length, Duration.between(now, end).toMillis()));
        // exact in integers: amount ≤ 10^10 won and a period ≤ 366 days (3.2·10^10 ms) would overflow a long product
        long share = java.math.BigInteger.valueOf(charged.amount()).multiply(java.math.BigInteger.valueOf(remaining))
                .divide(java.math.BigInteger.valueOf(length)).longValueExact();
        return Math.min(share, charged.refundable());
    }

    private Subscription cancelled(Subscription current) {
        return OptimisticUpdate.apply(current, s -> s.status() == SubscriptionStatus.CANCELLED ? Optional.empty()
                : Optional.of(s.cancelNow(clock.instant())), subscriptions::update, "subscription " + current.id()).value();
    }

    private Subscription change(String customerId, String subscriptionId, UnaryOperator<Subscription> change) {
        Subscription current = find(customerId, subscriptionId);
        return OptimisticUpdate.apply(current, s -> {
            Subscription next = change.apply(s);
            return next == s ? Optional.empty() : Optional.of(next);
        }, subscriptions::update, "subscription " + subscriptionId).value();
    }

    private Subscription find(String customerId, String subscriptionId) {
        return subscriptions.find(customerId, subscriptionId).orElseThrow(() -> new ResourceNotFoundException("subscription"));
    }

    private static String describe(Subscription subscription) {
        return subscription.status().name().toLowerCase(java.util.Locale.ROOT)
                + (subscription.attemptOpen() ? " with a charge in flight" : "")
                + (subscription.cancelAtPeriodEnd() ? " and ending at period end" : "");
    }

    private static String outcome(Cancellation cancellation) {
        return "cancelled" + cancellation.refund().map(r -> "; " + cancellation.refundedOrder() + " "
                + OrderAdministration.outcome(r)).orElse("");
    }
}
