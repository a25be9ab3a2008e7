package kr.storefront.payments.observability.metrics;

/**
 * Says whether the current thread's business events are real. SnapStart priming runs the request paths with
 * fixed values before a snapshot: what they count is not business, and Lambda would publish it.
 */
public interface MetricsGate {

    /** False while the current thread does something that must not be counted. */
    boolean counts();
}
