package kr.storefront.payments.core.rebill;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.rebill.RunTally.Outcome;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges the due subscriptions of the queue messages one worker invocation received, {@code concurrency} at
 * a time, each through {@link SubscriptionCharger}'s exactly-once transaction. Per message two consistent batch
 * reads (its subscriptions, then their billing keys) replace a read of each per charge.
 *
 * <p>The queue delivers at least once, so a message may come twice, late, or alongside another planner's
 * copy: each subscription is re-read (one consistent batch read per message) and charged only while it is
 * still in the planned period; a second worker on the same period loses the conditional begin write and
 * sends nothing. A message is handed back for redelivery when any of its charges failed unexpectedly or the
 * time budget ran out before all of them started; the charges it already made are skipped next time.
 */
@Singleton
public final class RebillWorker {

    private static final Logger LOG = LoggerFactory.getLogger(RebillWorker.class);

    private final SubscriptionStore subscriptions;
    private final BillingKeyStore billingKeys;
    private final SubscriptionCharger charger;
    private final RebillConfiguration configuration;
    private final RebillMetrics metrics;
    private final Clock clock;

    RebillWorker(SubscriptionStore subscriptions, BillingKeyStore billingKeys, SubscriptionCharger charger,
                 RebillConfiguration configuration, RebillMetrics metrics, Clock clock) {
        this.subscriptions = subscriptions;
        this.billingKeys = billingKeys;
        this.charger = charger;
        this.configuration = configuration;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * What a worker invocation did, and the messages to deliver again.
     *
     * @param report        counts of this invocation
     * @param retryMessages ids of the messages not fully handled (the queue redelivers them, then dead-letters)
     */
    public record Result(RebillReport report, List<String> retryMessages) {
    }

    /** @param deadline when the invocation must have returned; no charge starts within {@code stop-before-deadline} of it */
    public Result charge(List<QueuedBatch> messages, Instant deadline) {
        long started = System.nanoTime();
        RunTally tally = new RunTally();
        Set<String> retry = ConcurrentHashMap.newKeySet();
        Instant stopAt = deadline.minus(configuration.stopBeforeDeadline());
        try (BoundedDispatcher dispatcher = new BoundedDispatcher(configuration.concurrency(), stopAt, clock)) {
            for (QueuedBatch message : messages) {
                if (!chargeBatch(message, dispatcher, tally, retry)) {
                    tally.budgetExhausted();
                    messages.stream().skip(messages.indexOf(message)).forEach(left -> retry.add(left.messageId()));
                    break;
                }
            }
        }
        Instant plannedAt = messages.stream().map(message -> message.batch().plannedAt()).min(Comparator.naturalOrder())
                .orElseGet(clock::instant);
        RebillReport report = tally.report(plannedAt, Duration.ofNanos(System.nanoTime() - started));
        // keep the messages' order: the queue's partial-batch response lists them as received
        List<String> retryInOrder = messages.stream().map(QueuedBatch::messageId).filter(retry::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        LOG.info("rebill batch report {} messages={} subscriptions={} retried={}", report.summary(), messages.size(),
                messages.stream().mapToInt(message -> message.batch().charges().size()).sum(), retryInOrder.size());
        metrics.rebillCharges(report);
        return new Result(report, retryInOrder);
    }

    /** @return false when the time budget stopped it before every charge of the message started */
    private boolean chargeBatch(QueuedBatch message, BoundedDispatcher dispatcher, RunTally tally, Set<String> retry) {
        List<DueCharge> charges = message.batch().charges();
        Map<String, Subscription> stored;
        try {
            stored = subscriptions.findAll(charges.stream()
                            .map(due -> new SubscriptionStore.Key(due.customerId(), due.subscriptionId())).toList())
                    .stream().collect(Collectors.toMap(Subscription::id, Function.identity(), (first, second) -> first));
        } catch (RuntimeException e) {
            LOG.error("rebill batch {}: subscriptions could not be read; delivered again", message.messageId(), e);
            tally.count(Outcome.ERROR);
            retry.add(message.messageId());
            return true;
        }
        Map<BillingKeyStore.Key, BillingKey> keys;
        try {
            keys = billingKeys.findAll(stored.values().stream()
                            .map(subscription -> new BillingKeyStore.Key(subscription.customerId(), subscription.customerUid()))
                            .distinct().toList())
                    .stream().collect(Collectors.toMap(key -> new BillingKeyStore.Key(key.customerId(), key.customerUid()),
                            Function.identity(), (first, second) -> first));
        } catch (RuntimeException e) {
            LOG.error("rebill batch {}: billing keys could not be read; delivered again", message.messageId(), e);
            tally.count(Outcome.ERROR);
            retry.add(message.messageId());
            return true;
        }
        for (DueCharge due : charges) {
            Subscription subscription = stored.get(due.subscriptionId());
            if (subscription == null || !subscription.customerId().equals(due.customerId()) || subscription.period() != due.period()) {
                // gone, or already past the planned period (charged by another delivery, or moved on): nothing to do
                tally.count(Outcome.SKIPPED);
                continue;
            }
            Optional<BillingKey> key = Optional.ofNullable(keys.get(new BillingKeyStore.Key(subscription.customerId(),
                    subscription.customerUid())));
            boolean started = dispatcher.offer(() -> {
                Outcome outcome = safely(subscription, key);
                tally.count(outcome);
                if (outcome == Outcome.ERROR) {
                    retry.add(message.messageId());
                }
            });
            if (!started) {
                return false;
            }
        }
        return true;
    }

    /** One failing charge never stops the others: it is counted and its message delivered again. */
    private Outcome safely(Subscription subscription, Optional<BillingKey> key) {
        try {
            return charger.charge(subscription, clock.instant(), key);
        } catch (RuntimeException e) {
            LOG.error("rebill {} failed; its message is delivered again", subscription.id(), e);
            return Outcome.ERROR;
        }
    }
}
