package kr.storefront.payments.core.refund;

/** What refunds count, for the operator's metrics (docs/operations.md); the adapter decides how it is published. */
public interface RefundMetrics {

    /**
     * A refund's outcome: {@code refunded}, {@code rejected}, {@code pending} (unknown, held), {@code reconciled} (a
     * pending one found applied), or {@code external} (made in i'mport's console, seen by the confirm step).
     *
     * @param amount refunded won (0 unless money moved)
     */
    void refund(String outcome, long amount);
}
