package kr.storefront.payments.core.rebill;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.rebill.RunTally.Outcome;
import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebill run: first reconcile earlier attempts whose outcome is unknown (so subscriptions they
 * release are charged in this run), then charge every due subscription, then sweep orders left open
 * longer than {@code pending-order-threshold} (up to {@code pending-order-max-age}) so a lost webhook
 * never loses a paid order. All three share the run's {@code concurrency} and time budget; what the
 * budget cuts off is picked up by the next run.
 *
 * <p>There is no persisted cursor: the due index is the work queue. Whatever this run resolves leaves
 * the {@code next_charge_at <= now} range (charged, declined into the dunning schedule, ended, or
 * blocked by an open attempt), so the next run's query returns exactly what is left, including
 * subscriptions that became due meanwhile. A stored cursor would point into an index whose items this
 * run moved.
 */
@Singleton
public final class RebillService {

    private static final Logger LOG = LoggerFactory.getLogger(RebillService.class);

    private final SubscriptionStore subscriptions;
    private final ChargeAttemptStore attempts;
    private final SubscriptionCharger charger;
    private final Reconciler reconciler;
    private final OrderStore orders;
    private final OrderSweeper sweeper;
    private final RebillConfiguration configuration;
    private final RebillMetrics metrics;
    private final Clock clock;

    RebillService(SubscriptionStore subscriptions, ChargeAttemptStore attempts, SubscriptionCharger charger, Reconciler reconciler,
                  OrderStore orders, OrderSweeper sweeper, RebillConfiguration configuration, RebillMetrics metrics, Clock clock) {
        this.subscriptions = subscriptions;
        this.attempts = attempts;
        this.charger = charger;
        this.reconciler = reconciler;
        this.orders = orders;
        this.sweeper = sweeper;
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
                    attempt -> () -> reconciler.reconcile(attempt), ChargeAttempt::merchantUid, null);
            dispatcher.awaitIdle();
            if (finished) {
                Instant now = clock.instant();
                finished = drain(dispatcher, tally, cursor -> subscriptions.findDue(now, cursor, configuration.pageSize()),
                        subscription -> () -> charger.charge(subscription, now), Subscription::id, Outcome.DUE);
            }
            if (finished) {
                Instant now = clock.instant();
                Instant from = now.minus(configuration.pendingOrderMaxAge());
                Instant cutoff = now.minus(configuration.pendingOrderThreshold());
                finished = drain(dispatcher, tally, cursor -> orders.findOpenCreatedBetween(from, cutoff, cursor, configuration.pageSize()),
                        order -> () -> sweeper.sweep(order), Order::merchantUid, null);
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
     * Offers every item of a paged query to the dispatcher, counting what each task reports.
     *
     * @return false when the time budget stopped it before the last page
     */
    private <T> boolean drain(BoundedDispatcher dispatcher, RunTally tally, Function<String, Page<T>> pages,
                              Function<T, Supplier<Outcome>> work, Function<T, String> name, Outcome taken) {
        String cursor = null;
        do {
            Page<T> page = pages.apply(cursor);
            for (T item : page.items()) {
                Supplier<Outcome> task = work.apply(item);
                if (!dispatcher.offer(() -> tally.count(safely(task, name.apply(item))))) {
                    return false;
                }
                if (taken != null) {
                    tally.count(taken);
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
