package kr.storefront.payments.core.rebill;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import kr.storefront.payments.core.domain.CardSummary;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.iamport.CancelOutcome;
import kr.storefront.payments.core.iamport.ChargeOutcome;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.rebill.RunTally.Outcome;
import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.store.ChargeLedger;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.SubscriptionStore;
import kr.storefront.payments.core.store.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what became of a charge attempt, whether i'mport just answered it or reconciliation found
 * out later. The attempt and its subscription change in one atomic write on the versions read, so an
 * attempt is resolved once even when a reconciling run and the charging run race; the order the charge
 * began goes in the same write (one DynamoDB call less per charge). When the order is not known
 * (reconciliation) or another writer (verify's webhook or sweep) moved it first, it follows with a
 * conditional write of its own, and is left alone if it already moved.
 *
 * <table>
 *   <caption>outcome → attempt / subscription / order</caption>
 *   <tr><td>paid, our amount</td><td>PAID</td><td>period paid, next period scheduled from the anchor</td><td>PAID</td></tr>
 *   <tr><td>paid, other amount</td><td>FORGED (refunded)</td><td>charging stopped (PAST_DUE, no next charge) for review</td><td>FORGED</td></tr>
 *   <tr><td>declined</td><td>DECLINED</td><td>dunning: retry later, or stop / cancel when used up</td><td>FAILED</td></tr>
 *   <tr><td>not attempted</td><td>NOT_ATTEMPTED</td><td>due again as before (next run, next attempt number)</td><td>FAILED</td></tr>
 *   <tr><td>unknown</td><td>UNKNOWN</td><td>unchanged: stays blocked until reconciled</td><td>unchanged</td></tr>
 * </table>
 */
@Singleton
final class OutcomeRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);
    /** Settle attempts against a subscription that keeps changing under us (e.g. the customer cancelling). */
    private static final int SETTLE_TRIES = 3;

    private final ChargeLedger ledger;
    private final ChargeAttemptStore attempts;
    private final SubscriptionStore subscriptions;
    private final OrderStore orders;
    private final IamportGateway gateway;
    private final DunningPolicy dunning;
    private final Clock clock;

    OutcomeRecorder(ChargeLedger ledger, ChargeAttemptStore attempts, SubscriptionStore subscriptions, OrderStore orders,
                    IamportGateway gateway, RebillConfiguration configuration, Clock clock) {
        this.ledger = ledger;
        this.attempts = attempts;
        this.subscriptions = subscriptions;
        this.orders = orders;
        this.gateway = gateway;
        this.dunning = new DunningPolicy(configuration.dunningSchedule(), configuration.afterDunning());
        this.clock = clock;
    }

    /** Records i'mport's answer to a charge this run began. */
    Outcome record(ChargeLedger.Begun begun, ChargeOutcome outcome) {
        return record(begun.attempt(), begun.subscription(), begun.order(), outcome);
    }

    /** Records what reconciliation established about an attempt of an earlier run. */
    Outcome record(ChargeAttempt attempt, ChargeOutcome outcome) {
        return record(attempt, null, null, outcome);
    }

    private Outcome record(ChargeAttempt attempt, @Nullable Subscription knownSubscription, @Nullable Order knownOrder,
                           ChargeOutcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof ChargeOutcome.Paid paid) {
            IamportPayment payment = paid.payment();
            if (payment.amount() != attempt.amount() || !attempt.currency().equals(payment.currency())) {
                return forged(attempt, knownSubscription, knownOrder, payment, now);
            }
            OrderMove move = new OrderMove(knownOrder, OrderStatus.PAID, payment.impUid(), payment.card(), null);
            return resolve(attempt, knownSubscription, ChargeAttemptState.PAID, payment.impUid(), null,
                    subscription -> subscription.periodPaid(now), move, Outcome.CHARGED, now);
        }
        if (outcome instanceof ChargeOutcome.Declined declined) {
            String impUid = declined.payment() == null ? null : declined.payment().impUid();
            OrderMove move = new OrderMove(knownOrder, OrderStatus.FAILED, impUid, null, declined.reason());
            return resolve(attempt, knownSubscription, ChargeAttemptState.DECLINED, impUid, declined.reason(),
                    subscription -> dunning.afterDecline(subscription, now), move, Outcome.DECLINED, now);
        }
        if (outcome instanceof ChargeOutcome.NotAttempted notAttempted) {
            OrderMove move = new OrderMove(knownOrder, OrderStatus.FAILED, null, null, notAttempted.reason());
            return resolve(attempt, knownSubscription, ChargeAttemptState.NOT_ATTEMPTED, null, notAttempted.reason(),
                    subscription -> subscription.attemptReleased(now), move, Outcome.NOT_ATTEMPTED, now);
        }
        String reason = ((ChargeOutcome.Unknown) outcome).reason();
        // the subscription keeps its open attempt: nothing else is charged for it until reconciliation knows
        WriteResult<ChargeAttempt> marked = attempts.update(attempt.transitionTo(ChargeAttemptState.UNKNOWN, null, reason, now));
        if (!marked.applied()) {
            LOG.info("rebill attempt merchant_uid={} was resolved by another run meanwhile", attempt.merchantUid());
        }
        return Outcome.UNKNOWN;
    }

    /**
     * i'mport reports the attempt paid with an amount that is not ours (verify's forgery rule): refund it,
     * flag attempt and order, and stop charging the subscription until someone has looked at it.
     */
    private Outcome forged(ChargeAttempt attempt, @Nullable Subscription knownSubscription, @Nullable Order knownOrder,
                           IamportPayment payment, Instant now) {
        String reason = "paid " + payment.amount() + " " + payment.currency() + ", expected " + attempt.amount() + " "
                + attempt.currency();
        String refund = refund(payment, reason);
        LOG.error("ALERT forged charge merchant_uid={} imp_uid={} subscription_id={} {}; refund: {}", attempt.merchantUid(),
                payment.impUid(), attempt.subscriptionId(), reason, refund);
        resolve(attempt, knownSubscription, ChargeAttemptState.FORGED, payment.impUid(), reason + "; refund: " + refund,
                subscription -> subscription.chargingStopped(now), new OrderMove(knownOrder, OrderStatus.FORGED, payment.impUid(), null,
                        reason), Outcome.FORGED, now);
        return Outcome.FORGED;
    }

    private String refund(IamportPayment payment, String reason) {
        if (payment.refundableAmount() <= 0) {
            return "nothing left to refund";
        }
        CancelOutcome cancel = gateway.cancel(new PaymentCancel(payment.impUid(), null, payment.refundableAmount(),
                "amount mismatch: " + reason));
        if (cancel instanceof CancelOutcome.Cancelled) {
            return "refunded " + payment.refundableAmount();
        }
        return "NOT refunded (" + cancel + "), refund by hand";
    }

    /**
     * Where the attempt's order should go: its status, and what it records. {@code known} is the order as this run
     * began it (absent when reconciling: then it is read when needed).
     */
    private record OrderMove(@Nullable Order known, OrderStatus target, @Nullable String impUid, @Nullable CardSummary card,
                             @Nullable String reason) {

        /** The known order in its new status, to write with the attempt; null when there is none or nothing to move. */
        @Nullable
        Order moved(Instant now) {
            if (known == null || known.status() == target || !known.status().canBecome(target)) {
                return null;
            }
            return known.transitionTo(target, impUid, null, card, reason, now);
        }
    }

    /**
     * Resolves the attempt and applies {@code change} to its subscription in one write, with the order's move when
     * the order is known (re-reading the subscription when it changed meanwhile); an order not written with them
     * (unknown, or moved by another writer meanwhile) follows with a write of its own.
     *
     * @return {@code recorded} once written; {@link Outcome#SKIPPED} when someone else resolved the attempt first;
     *         {@link Outcome#ERROR} when the write kept conflicting or the subscription is gone (the attempt
     *         then stays unresolved and a later run reconciles it)
     */
    private Outcome resolve(ChargeAttempt attempt, @Nullable Subscription knownSubscription, ChargeAttemptState state,
                            @Nullable String impUid, @Nullable String reason, UnaryOperator<Subscription> change, OrderMove order,
                            Outcome recorded, Instant now) {
        ChargeAttempt resolved = attempt.transitionTo(state, impUid, reason, now);
        Order moved = order.moved(now);
        Optional<Subscription> subscription = Optional.ofNullable(knownSubscription).or(() -> readSubscription(attempt));
        for (int tries = 0; tries < SETTLE_TRIES && subscription.isPresent(); tries++) {
            Optional<ChargeLedger.Settled> settled = ledger.settle(resolved, changed(attempt, subscription.get(), change), moved);
            if (settled.isPresent()) {
                if (settled.get().orderWritten()) {
                    return recorded;
                }
                // written without the order: it was not known, had nothing to do, or another writer moved it first
                return orderFollows(attempt, moved == null ? order.known() : null, order.target(), order.impUid(), order.card(),
                        order.reason(), recorded, now);
            }
            Optional<ChargeAttempt> stored = attempts.find(attempt.customerId(), attempt.subscriptionId(), attempt.period(),
                    attempt.attempt());
            if (stored.isEmpty() || stored.get().version() != attempt.version()) {
                LOG.info("rebill attempt merchant_uid={} was resolved by another run meanwhile", attempt.merchantUid());
                return Outcome.SKIPPED;
            }
            subscription = readSubscription(attempt);
        }
        LOG.warn("rebill attempt merchant_uid={} is {} but could not be recorded; left for reconciliation",
                attempt.merchantUid(), state);
        return Outcome.ERROR;
    }

    private Subscription changed(ChargeAttempt attempt, Subscription subscription, UnaryOperator<Subscription> change) {
        if (subscription.period() != attempt.period()) {
            // cannot happen while attempts are only begun on an open-attempt-free subscription; never move another period
            LOG.error("ALERT rebill attempt merchant_uid={} is for period {} but subscription {} is at period {}; subscription left as is",
                    attempt.merchantUid(), attempt.period(), subscription.id(), subscription.period());
            return subscription;
        }
        return change.apply(subscription);
    }

    private Optional<Subscription> readSubscription(ChargeAttempt attempt) {
        Optional<Subscription> subscription = subscriptions.find(attempt.customerId(), attempt.subscriptionId());
        if (subscription.isEmpty()) {
            LOG.error("rebill attempt merchant_uid={} has no subscription {}", attempt.merchantUid(), attempt.subscriptionId());
        }
        return subscription;
    }

    /**
     * A subscription-charge order still open although its attempt is resolved: the run stopped after the
     * ledger's write and before the order's, its last step. The order follows the attempt; an attempt still
     * to reconcile (or none) is left to {@link Reconciler}.
     */
    Outcome orderFollowsItsAttempt(Order order) {
        Optional<ChargeAttempt> found = order.subscriptionId() == null ? Optional.empty()
                : MerchantUids.parse(order.merchantUid(), order.subscriptionId()).flatMap(id ->
                        attempts.find(order.customerId(), id.subscriptionId(), id.period(), id.attempt()));
        if (found.isEmpty() || found.get().state().needsReconciliation()) {
            return Outcome.ORDER_NOT_SWEPT;
        }
        ChargeAttempt attempt = found.get();
        Instant now = clock.instant();
        LOG.warn("order merchant_uid={} was left {} after its attempt was recorded {}; it follows the attempt now",
                order.merchantUid(), order.status(), attempt.state());
        return switch (attempt.state()) {
            case PAID -> orderFollows(attempt, order, OrderStatus.PAID, attempt.impUid(), null, null, Outcome.ORDER_CONFIRMED, now);
            case FORGED -> orderFollows(attempt, order, OrderStatus.FORGED, attempt.impUid(), null, attempt.failReason(),
                    Outcome.ORDER_FORGED, now);
            default -> orderFollows(attempt, order, OrderStatus.FAILED, attempt.impUid(), null, attempt.failReason(),
                    Outcome.ORDER_CLOSED, now);
        };
    }

    /** Moves the attempt's order to {@code target} unless another writer already moved it. */
    private Outcome orderFollows(ChargeAttempt attempt, @Nullable Order knownOrder, OrderStatus target, @Nullable String impUid,
                                 @Nullable CardSummary card, @Nullable String reason, Outcome outcome, Instant now) {
        Optional<Order> order = Optional.ofNullable(knownOrder).or(() -> orders.find(attempt.merchantUid()));
        if (order.isEmpty()) {
            LOG.error("rebill attempt merchant_uid={} has no order", attempt.merchantUid());
        } else if (order.get().status() != target && order.get().status().canBecome(target)) {
            WriteResult<Order> written = orders.update(order.get().transitionTo(target, impUid, null, card, reason, now));
            if (!written.applied()) {
                LOG.info("order merchant_uid={} was moved by another writer to {}; left as it is", attempt.merchantUid(),
                        written.current().map(Order::status).orElse(null));
            }
        } else if (order.get().status() != target) {
            LOG.warn("order merchant_uid={} is {} and cannot become {}; left as it is", attempt.merchantUid(),
                    order.get().status(), target);
        }
        return outcome;
    }
}
