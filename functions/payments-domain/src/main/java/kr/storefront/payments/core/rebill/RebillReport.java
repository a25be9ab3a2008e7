package kr.storefront.payments.core.rebill;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;

/**
 * What one rebill run did. Charge outcomes count the charges this run started; {@code reconciled}
 * counts earlier attempts whose truth this run established.
 *
 * @param scheduledTime   the schedule's time for this run
 * @param due             due subscriptions read from the due index
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
 * @param errors          subscriptions, attempts or orders whose handling failed unexpectedly (store or i'mport unavailable); retried next run
 * @param budgetExhausted the run stopped taking new work before its deadline; the rest stays due for the next run
 * @param durationMs      wall time of the run
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RebillReport(
        Instant scheduledTime,
        int due,
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
        int errors,
        boolean budgetExhausted,
        long durationMs) {

    /** One log line, {@code key=value} separated by spaces. */
    public String summary() {
        return "scheduled_time=" + scheduledTime + " due=" + due + " charged=" + charged + " declined=" + declined
                + " not_attempted=" + notAttempted + " unknown=" + unknown + " forged=" + forged + " ended=" + ended
                + " skipped=" + skipped + " reconciled=" + reconciled + " unresolved=" + unresolved + " orders_checked=" + ordersChecked
                + " orders_confirmed=" + ordersConfirmed + " orders_closed=" + ordersClosed + " orders_forged=" + ordersForged
                + " errors=" + errors
                + " budget_exhausted=" + budgetExhausted + " duration_ms=" + durationMs;
    }
}
