package kr.storefront.payments.core.rebill;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;

/**
 * What one rebill planner run or one worker invocation did. A planner run reads the due index and queues
 * ({@code due}, {@code queued}), reconciles and sweeps; a worker invocation charges what it received (the charge
 * outcomes). Charge outcomes count the charges this invocation started; {@code reconciled} counts
 * earlier attempts whose truth this run established.
 *
 * @param scheduledTime   the schedule's time for this run (a worker: when its earliest batch was planned)
 * @param due             due subscriptions the planner read from the due index (0 in a worker's report: its log line
 *                        says how many it received)
 * @param queued          due subscriptions the planner sent to the workers' queue
 * @param charged         charges paid
 * @param declined        charges declined (dunning continues or stops by policy)
 * @param notAttempted    charges that never reached i'mport; due again next run
 * @param unknown         charges sent without a usable answer; reconciled by later runs
 * @param forged          paid with an amount other than ours: refunded and flagged (charges and reconciliations)
 * @param ended           subscriptions ended or suspended instead of charged (cancel at period end, billing key not active)
 * @param skipped         due subscriptions left alone: another run holds them, or they changed since they were read
 * @param reconciled      unresolved attempts of earlier runs resolved now (paid, declined, or proven not charged)
 * @param unresolved      earlier unresolved attempts still open after this run (possibly in flight in another run, or
 *                        i'mport has no answer yet)
 * @param ordersChecked   open orders the reconciliation sweep looked up at i'mport (pending longer than the threshold)
 * @param ordersConfirmed of those, now paid or awaiting deposit (their webhook was lost)
 * @param ordersClosed    of those, now failed or cancelled
 * @param ordersForged    of those, paid with an amount, currency or PG that is not ours: FORGED and refunded
 * @param refundsChecked  orders holding a refund whose answer was lost, re-read at i'mport by the sweep
 * @param refundsSettled  of those, settled from {@code cancel_history}: recorded as applied, or dropped as never applied
 * @param errors          subscriptions, attempts or orders whose handling failed unexpectedly (store or i'mport unavailable); retried next run
 * @param budgetExhausted the run stopped taking new work before its deadline; the rest stays due for the next run
 * @param durationMs      wall time of the run
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RebillReport(
        Instant scheduledTime,
        int due,
        int queued,
        int charged,
        int declined,
        int notAttempted,
        int unknown,
        int forged,
        int ended,
        int skipped,
        int reconciled,
        int unresolved,
        int ordersChecked,
        int ordersConfirmed,
        int ordersClosed,
        int ordersForged,
        int refundsChecked,
        int refundsSettled,
        int errors,
        boolean budgetExhausted,
        long durationMs) {

    /**
     * This report and {@code other} as one (a planner run and the worker invocations that charged what it
     * queued, say): counts and durations added, the earlier scheduled time.
     */
    public RebillReport plus(RebillReport other) {
        return new RebillReport(scheduledTime.isAfter(other.scheduledTime) ? other.scheduledTime : scheduledTime,
                due + other.due, queued + other.queued, charged + other.charged, declined + other.declined,
                notAttempted + other.notAttempted, unknown + other.unknown, forged + other.forged, ended + other.ended,
                skipped + other.skipped, reconciled + other.reconciled, unresolved + other.unresolved,
                ordersChecked + other.ordersChecked, ordersConfirmed + other.ordersConfirmed, ordersClosed + other.ordersClosed,
                ordersForged + other.ordersForged, refundsChecked + other.refundsChecked, refundsSettled + other.refundsSettled,
                errors + other.errors, budgetExhausted || other.budgetExhausted,
                durationMs + other.durationMs);
    }

    /** One log line, {@code key=value} separated by spaces. */
    public String summary() {
        return "scheduled_time=" + scheduledTime + " due=" + due + " queued=" + queued + " charged=" + charged + " declined=" + declined
                + " not_attempted=" + notAttempted + " unknown=" + unknown + " forged=" + forged + " ended=" + ended
                + " skipped=" + skipped + " reconciled=" + reconciled + " unresolved=" + unresolved + " orders_checked=" + ordersChecked
                + " orders_confirmed=" + ordersConfirmed + " orders_closed=" + ordersClosed + " orders_forged=" + ordersForged
                + " refunds_checked=" + refundsChecked + " refunds_settled=" + refundsSettled + " errors=" + errors
                + " budget_exhausted=" + budgetExhausted + " duration_ms=" + durationMs;
    }
}
