package kr.storefront.payments.core.rebill;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.iamport.BillingKeyCharge;
import kr.storefront.payments.core.iamport.ChargeOutcome;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.rebill.RunTally.Outcome;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.ChargeLedger;
import kr.storefront.payments.core.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Charges one due subscription: checks it may be charged, begins the attempt with one atomic write
 * (attempt + order + subscription), and only then calls {@code again}. Losing that write means another
 * run owns the period, so nothing is sent.
 *
 * <p>Instead of charging: a subscription set to cancel at period end is ended; one whose billing key
 * was deleted at i'mport is cancelled; one whose key is missing or not active (failed, pending) is
 * suspended (PAST_DUE without a next charge time) until a working key is attached.
 */
@Singleton
final class SubscriptionCharger {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionCharger.class);
    /** Every rebill charge is a card charge of a billing key. */
    private static final String PAY_METHOD = "card";

    private final SubscriptionStore subscriptions;
    private final BillingKeyStore billingKeys;
    private final ChargeLedger ledger;
    private final IamportGateway gateway;
    private final OutcomeRecorder recorder;
    private final Clock clock;

    SubscriptionCharger(SubscriptionStore subscriptions, BillingKeyStore billingKeys, ChargeLedger ledger, IamportGateway gateway,
                        OutcomeRecorder recorder, Clock clock) {
        this.subscriptions = subscriptions;
        this.billingKeys = billingKeys;
        this.ledger = ledger;
        this.gateway = gateway;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * @param due   the subscription as the (eventually consistent) due index returned it
     * @param dueAt the run's "now" for the due query
     */
    Outcome charge(Subscription due, Instant dueAt) {
        return charge(due, dueAt, () -> billingKeys.find(due.customerId(), due.customerUid()));
    }

    /**
     * The same, with the billing key a batch read already found (empty: it found none); read again only if it is
     * not the subscription's key.
     */
    @SuppressWarnings("OptionalUsedAsFieldOrParameterType") // "read, and not there" is a value here
    Outcome charge(Subscription due, Instant dueAt, Optional<BillingKey> readKey) {
        boolean itsKey = readKey.map(key -> key.customerId().equals(due.customerId()) && key.customerUid().equals(due.customerUid()))
                .orElse(true);
        return charge(due, dueAt, itsKey ? () -> readKey : () -> billingKeys.find(due.customerId(), due.customerUid()));
    }

    private Outcome charge(Subscription due, Instant dueAt, Supplier<Optional<BillingKey>> billingKey) {
        // every line of this charge carries the subscription and its billing key (our opaque customer_uid) as fields
        try (var subscription = MDC.putCloseable("subscription_id", due.id());
             var customerUid = MDC.putCloseable("customer_uid", due.customerUid())) {
            return chargeDue(due, dueAt, billingKey);
        }
    }

    private Outcome chargeDue(Subscription due, Instant dueAt, Supplier<Optional<BillingKey>> billingKey) {
        if (!due.isDue(dueAt)) {
            return Outcome.SKIPPED;
        }
        if (due.cancelAtPeriodEnd()) {
            return end(due, due.cancelNow(clock.instant()), "cancelled at period end");
        }
        Optional<BillingKey> key = billingKey.get();
        if (key.isEmpty() || key.get().status() != BillingKeyStatus.ACTIVE) {
            Instant now = clock.instant();
            boolean deleted = key.isPresent() && key.get().status() == BillingKeyStatus.DELETED;
            return deleted ? end(due, due.cancelNow(now), "billing key deleted")
                    : end(due, due.chargingStopped(now), "billing key " + key.map(k -> k.status().name()).orElse("missing"));
        }
        Optional<ChargeLedger.Begun> begun = begin(due, key.get());
        if (begun.isEmpty()) {
            // the index copy may be stale: look once more at the stored subscription
            Optional<Subscription> stored = subscriptions.find(due.customerId(), due.id());
            if (stored.isEmpty() || stored.get().version() == due.version() || !stored.get().isDue(dueAt)
                    || !stored.get().customerUid().equals(due.customerUid())) {
                return Outcome.SKIPPED; // changed since (another key: the next run charges it with that one)
            }
            begun = begin(stored.get(), key.get());
            if (begun.isEmpty()) {
                return Outcome.SKIPPED;
            }
        }
        ChargeAttempt attempt = begun.get().attempt();
        ChargeOutcome outcome = gateway.chargeBillingKey(new BillingKeyCharge(attempt.customerUid(), attempt.merchantUid(),
                attempt.amount(), attempt.name(), null));
        return recorder.record(begun.get(), outcome);
    }

    /** The one write that claims the period's next attempt; empty when another writer got there first. */
    private Optional<ChargeLedger.Begun> begin(Subscription subscription, BillingKey key) {
        if (subscription.cancelAtPeriodEnd()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        int attemptNumber = subscription.nextAttempt();
        String merchantUid = MerchantUids.of(subscription.id(), subscription.period(), attemptNumber);
        ChargeAttempt attempt = ChargeAttempt.inFlight(subscription, attemptNumber, merchantUid, now);
        Order order = Order.pending(merchantUid, OrderKind.SUBSCRIPTION_CHARGE, subscription.customerId(), subscription.name(),
                subscription.amount(), key.pg(), PAY_METHOD, List.of(), subscription.customerUid(), subscription.id(), now);
        return ledger.begin(attempt, order, subscription.attemptStarted(now));
    }

    private Outcome end(Subscription due, Subscription ended, String why) {
        if (!subscriptions.update(ended).applied()) {
            return Outcome.SKIPPED;
        }
        LOG.info("rebill subscription {} not charged: {}; now {}{}", due.id(), why, ended.status(),
                ended.nextChargeAt() == null ? " without a next charge" : "");
        return Outcome.ENDED;
    }
}
