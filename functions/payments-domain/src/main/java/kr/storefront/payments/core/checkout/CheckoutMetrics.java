package kr.storefront.payments.core.checkout;

/** What checkout counts, for the operator's metrics (docs/operations.md); the adapter decides how it is published. */
public interface CheckoutMetrics {

    /** A new order or billing-key window was stored (a replayed request stores none). */
    void orderCreated();
}
