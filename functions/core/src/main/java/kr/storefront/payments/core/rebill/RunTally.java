package kr.storefront.payments.core.rebill;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Counters of one run, updated from the worker threads. */
final class RunTally {

    /** What happened to one due subscription or one unresolved attempt. */
    enum Outcome { DUE, CHARGED, DECLINED, NOT_ATTEMPTED, UNKNOWN, FORGED, ENDED, SKIPPED, RECONCILED, UNRESOLVED, ERROR }

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

    void budgetExhausted() {
        budgetExhausted = true;
    }

    RebillReport report(Instant scheduledTime, Duration duration) {
        return new RebillReport(scheduledTime, get(Outcome.DUE), get(Outcome.CHARGED), get(Outcome.DECLINED),
                get(Outcome.NOT_ATTEMPTED), get(Outcome.UNKNOWN), get(Outcome.FORGED), get(Outcome.ENDED), get(Outcome.SKIPPED),
                get(Outcome.RECONCILED), get(Outcome.UNRESOLVED), get(Outcome.ERROR), budgetExhausted, duration.toMillis());
    }

    private int get(Outcome outcome) {
        return counts.get(outcome).get();
    }
}
