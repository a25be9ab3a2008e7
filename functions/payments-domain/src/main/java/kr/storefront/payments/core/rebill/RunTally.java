package kr.storefront.payments.core.rebill;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Counters of one run, updated from the worker threads. */
final class RunTally {

    /** What happened to one due subscription, one unresolved attempt or one open order. */
    enum Outcome {
        DUE, QUEUED, CHARGED, DECLINED, NOT_ATTEMPTED, UNKNOWN, FORGED, ENDED, SKIPPED, RECONCILED, UNRESOLVED, ERROR,
        /** Open order looked up at i'mport: nothing to change (still unpaid, or already moved by someone else). */
        ORDER_UNCHANGED,
        /** Open order now paid or awaiting deposit. */
        ORDER_CONFIRMED,
        /** Open order now failed or cancelled. */
        ORDER_CLOSED,
        /** Open order paid with an amount, currency or PG that is not ours: now FORGED and refunded. */
        ORDER_FORGED,
        /** Open order of a subscription charge: its charge attempt is reconciled instead. */
        ORDER_NOT_SWEPT,
        /** Order holding a refund whose answer was lost: settled from i'mport's cancel_history (applied, or never). */
        REFUND_SETTLED,
        /** Order holding a refund whose answer was lost: still unsettled (i'mport not answering, or it may be in flight). */
        REFUND_STILL_PENDING
    }

    private final Map<Outcome, AtomicInteger> counts = new EnumMap<>(Outcome.class);
    private volatile boolean budgetExhausted;

    RunTally() {
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, new AtomicInteger());
        }
    }

    void count(Outcome outcome) {
        counts.get(outcome).incrementAndGet();
    }

    void count(Outcome outcome, int times) {
        counts.get(outcome).addAndGet(times);
    }

    void budgetExhausted() {
        budgetExhausted = true;
    }

    RebillReport report(Instant scheduledTime, Duration duration) {
        return new RebillReport(scheduledTime, get(Outcome.DUE), get(Outcome.QUEUED), get(Outcome.CHARGED), get(Outcome.DECLINED),
                get(Outcome.NOT_ATTEMPTED), get(Outcome.UNKNOWN), get(Outcome.FORGED), get(Outcome.ENDED), get(Outcome.SKIPPED),
                get(Outcome.RECONCILED), get(Outcome.UNRESOLVED),
                get(Outcome.ORDER_UNCHANGED) + get(Outcome.ORDER_CONFIRMED) + get(Outcome.ORDER_CLOSED) + get(Outcome.ORDER_FORGED),
                get(Outcome.ORDER_CONFIRMED), get(Outcome.ORDER_CLOSED), get(Outcome.ORDER_FORGED),
                get(Outcome.REFUND_SETTLED) + get(Outcome.REFUND_STILL_PENDING), get(Outcome.REFUND_SETTLED),
                get(Outcome.ERROR), budgetExhausted, duration.toMillis());
    }

    private int get(Outcome outcome) {
        return counts.get(outcome).get();
    }
}
