package kr.storefront.payments.core.rebill;

/** What a rebill run counts, for the operator's metrics and alarms (docs/operations.md). */
public interface RebillMetrics {

    /** One rebill run ended with this report. */
    void rebillRun(RebillReport report);
}
