package kr.storefront.payments.core.rebill;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.rebill.RunTally.Outcome;
import kr.storefront.payments.core.refund.RefundService;
import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled rebill run, the planner: first reconcile earlier attempts whose outcome is unknown (so
 * subscriptions they release are queued in this run), then page the due index and send its subscriptions to
 * the workers' queue in batches ({@link RebillWorker} charges them), then sweep orders left open longer than
 * {@code pending-order-threshold} (up to {@code pending-order-max-age}) so a lost webhook never loses a paid
 * order, and settle refunds whose answer was lost (from i'mport's {@code cancel_history}, never sent again).
 * Reconciliation and sweeps share the run's {@code concurrency}; all share its time budget, and what the budget
 * cuts off is picked up by the next run.
 *
 * <p>There is no persisted cursor: the due index is the work queue. Whatever the workers resolve leaves the
 * {@code next_charge_at <= now} range (charged, declined into the dunning schedule, ended, or blocked by an
 * open attempt), so the next run's query returns exactly what is left, including subscriptions that became
 * due meanwhile. A subscription still waiting in the queue when the next run plans is queued again: harmless,
 * since the worker re-reads it and the conditional begin write lets one charge through.
 */
@Singleton
@Requires(beans = RebillQueue.class) // only the planner has a queue; Lambda contexts create singletons eagerly
public final class RebillService {

    private static final Logger LOG = LoggerFactory.getLogger(RebillService.class);
    /** SQS SendMessageBatch takes at most 10 messages. */
    static final int MESSAGES_PER_SEND = 10;

    private final SubscriptionStore subscriptions;
    private final ChargeAttemptStore attempts;
    private final RebillQueue queue;
    private final Reconciler reconciler;
    private final OrderStore orders;
    private final OrderSweeper sweeper;
    private final RefundService refunds;
    private final RebillConfiguration configuration;
    private final RebillMetrics metrics;
    private final Clock clock;

    RebillService(SubscriptionStore subscriptions, ChargeAttemptStore attempts, RebillQueue queue, Reconciler reconciler,
                  OrderStore orders, OrderSweeper sweeper, RefundService refunds, RebillConfiguration configuration,
                  RebillMetrics metrics, Clock clock) {
        this.subscriptions = subscriptions;
        this.attempts = attempts;
        this.queue = queue;
        this.reconciler = reconciler;
        this.orders = orders;
        this.sweeper = sweeper;
        this.refunds = refunds;
        this.configuration = configuration;
        this.metrics = metrics;
        this.clock = clock;
    }

    public RebillReport run(RebillCommand command) {
        long started = System.nanoTime();
        RunTally tally = new RunTally();
        Instant stopAt = command.deadline().minus(configuration.stopBeforeDeadline());
        try (BoundedDispatcher dispatcher = new BoundedDispatcher(configuration.concurrency(), stopAt, clock)) {
            boolean finished = drain(dispatcher, tally, cursor -> attempts.findUnresolved(cursor, configuration.pageSize()),
                    attempt -> () -> reconciler.reconcile(attempt), ChargeAttempt::merchantUid);
            dispatcher.awaitIdle();
            if (finished) {
                finished = plan(tally, stopAt);
            }
            if (finished) {
                Instant now = clock.instant();
                Instant from = now.minus(configuration.pendingOrderMaxAge());
                Instant cutoff = now.minus(configuration.pendingOrderThreshold());
                finished = drain(dispatcher, tally, cursor -> orders.findOpenCreatedBetween(from, cutoff, cursor, configuration.pageSize()),
                        order -> () -> sweeper.sweep(order), Order::merchantUid);
            }
            if (finished) {
                // refunds whose answer was lost: settled from cancel_history even if nobody looks the order up
                finished = drain(dispatcher, tally, cursor -> orders.findWithPendingRefund(cursor, configuration.pageSize()),
                        order -> () -> refunds.settlePending(order).pendingRefund() == null ? Outcome.REFUND_SETTLED
                                : Outcome.REFUND_STILL_PENDING, Order::merchantUid);
            }
            if (!finished) {
                tally.budgetExhausted();
            }
        }
        RebillReport report = tally.report(command.scheduledTime(), Duration.ofNanos(System.nanoTime() - started));
        LOG.info("rebill report {}", report.summary());
        metrics.rebillRun(report);
        return report;
    }

    /**
     * Pages the due index and queues what it returns, {@code batch-size} subscriptions per message and
     * {@value #MESSAGES_PER_SEND} messages per send. A failing read or send fails the run (Lambda retries it once):
     * what was sent is charged, the rest stays due, and re-sending what was sent is harmless.
     *
     * @return false when the time budget stopped it before the last page
     */
    private boolean plan(RunTally tally, Instant stopAt) {
        Instant now = clock.instant();
        List<DueCharge> batch = new ArrayList<>();
        List<RebillBatch> unsent = new ArrayList<>();
        String cursor = null;
        do {
            if (!clock.instant().isBefore(stopAt)) {
                send(unsent, tally);
                return false;
            }
            Page<Subscription> page = subscriptions.findDue(now, cursor, configuration.pageSize());
            for (Subscription due : page.items()) {
                tally.count(Outcome.DUE);
                batch.add(new DueCharge(due.customerId(), due.id(), due.period()));
                if (batch.size() == configuration.batchSize()) {
                    unsent.add(new RebillBatch(now, batch));
                    batch.clear();
                }
                if (unsent.size() == MESSAGES_PER_SEND) {
                    send(unsent, tally);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        if (!batch.isEmpty()) {
            unsent.add(new RebillBatch(now, batch));
        }
        send(unsent, tally);
        return true;
    }

    private void send(List<RebillBatch> batches, RunTally tally) {
        if (batches.isEmpty()) {
            return;
        }
        queue.send(List.copyOf(batches));
        tally.count(Outcome.QUEUED, batches.stream().mapToInt(sent -> sent.charges().size()).sum());
        batches.clear();
    }

    /**
     * Offers every item of a paged query to the dispatcher, counting what each task reports.
     *
     * @return false when the time budget stopped it before the last page
     */
    private <T> boolean drain(BoundedDispatcher dispatcher, RunTally tally, Function<String, Page<T>> pages,
                              Function<T, Supplier<Outcome>> work, Function<T, String> name) {
        String cursor = null;
        do {
            Page<T> page = pages.apply(cursor);
            for (T item : page.items()) {
                Supplier<Outcome> task = work.apply(item);
                if (!dispatcher.offer(() -> tally.count(safely(task, name.apply(item))))) {
                    return false;
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return true;
    }

    /** One failing item never stops the run: it is counted and left for the next run. */
    private static Outcome safely(Supplier<Outcome> task, String item) {
        try {
            return task.get();
        } catch (RuntimeException e) {
            LOG.error("rebill {} failed; left for the next run", item, e);
            return Outcome.ERROR;
        }
    }
}
