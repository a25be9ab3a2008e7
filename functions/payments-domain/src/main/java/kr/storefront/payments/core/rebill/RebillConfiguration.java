package kr.storefront.payments.core.rebill;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * How a rebill run charges. Every property can be set by environment variable ({@code REBILL_CONCURRENCY}, ...).
 *
 * @param concurrency        i'mport calls in flight at once, per planner run (reconciliation, sweep) and per worker
 *                           invocation (charges)
 * @param pageSize           due subscriptions (and unresolved attempts) read per Query page
 * @param batchSize          due subscriptions per queue message (one worker batch read; at most 100)
 * @param dunningSchedule    delay before the next try after the 1st, 2nd, ... declined attempt of a period
 * @param afterDunning       what happens after a decline once the schedule is used up
 * @param stopBeforeDeadline no new charge starts later than this before the run's deadline: room for the
 *                           calls in flight (up to the charge read timeout) and their writes
 * @param defaultTimeLimit   the run's time limit when the caller gives no deadline (no Lambda context)
 * @param inFlightMargin     an attempt still IN_FLIGHT longer than the charge read timeout plus this is taken
 *                           as abandoned (its run crashed) and reconciled; younger ones may belong to a live run
 * @param unknownSettleTime  how long after an attempt began i'mport is given to show a payment for it: only
 *                           after this does "no payment found" mean "nothing charged"
 * @param pendingOrderThreshold the reconciliation sweep re-checks open orders (pending, awaiting deposit) created at
 *                           least this long ago: their webhook should have arrived by then
 * @param pendingOrderMaxAge the sweep leaves orders created longer ago than this alone, so it stays bounded
 */
@ConfigurationProperties("rebill")
public record RebillConfiguration(
        @Bindable(defaultValue = "8") @Min(1) @Max(64) int concurrency,
        @Bindable(defaultValue = "100") @Min(1) @Max(1000) int pageSize,
        @Bindable(defaultValue = "50") @Min(1) @Max(RebillBatch.MAX_CHARGES) int batchSize,
        @Bindable(defaultValue = "1d,3d,7d") @NotEmpty List<@NotNull Duration> dunningSchedule,
        @Bindable(defaultValue = "PAST_DUE") @NotNull AfterDunning afterDunning,
        @Bindable(defaultValue = "2m") @NotNull Duration stopBeforeDeadline,
        @Bindable(defaultValue = "15m") @NotNull Duration defaultTimeLimit,
        @Bindable(defaultValue = "60s") @NotNull Duration inFlightMargin,
        @Bindable(defaultValue = "10m") @NotNull Duration unknownSettleTime,
        @Bindable(defaultValue = "30m") @NotNull Duration pendingOrderThreshold,
        @Bindable(defaultValue = "7d") @NotNull Duration pendingOrderMaxAge) {

    /** What a subscription becomes when its period is still declined after the whole dunning schedule. */
    public enum AfterDunning {
        /** Stays PAST_DUE with no next charge time: never charged again until someone reschedules it. */
        PAST_DUE,
        /** Ends (CANCELLED). */
        CANCEL
    }

    public RebillConfiguration {
        dunningSchedule = List.copyOf(dunningSchedule);
        if (pendingOrderThreshold != null && pendingOrderMaxAge != null && pendingOrderMaxAge.compareTo(pendingOrderThreshold) <= 0) {
            throw new IllegalArgumentException("rebill.pending-order-max-age (" + pendingOrderMaxAge
                    + ") must be longer than rebill.pending-order-threshold (" + pendingOrderThreshold + ")");
        }
    }
}
