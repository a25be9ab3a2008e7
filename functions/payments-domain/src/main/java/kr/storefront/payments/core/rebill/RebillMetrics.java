package kr.storefront.payments.core.rebill;

/** What a rebill run counts, for the operator's metrics and alarms (docs/operations.md). */
public interface RebillMetrics {

    /** One planner run ended with this report (queued, reconciled, unresolved, swept). */
    void rebillRun(RebillReport report);

    /** One worker invocation ended with this report (charge outcomes). */
    void rebillCharges(RebillReport report);
}
