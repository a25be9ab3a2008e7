package kr.storefront.payments.testkit.iamport;

/**
 * How i'mport records the payment of a billing-key window that charges nothing (payco, chai, tosspayments,
 * kakaopay with amount 0). The guides say only that such a window issues the key and charges nothing; the
 * V1 schema says nothing of that payment. Code under test must rest on the key
 * ({@code GET /subscribe/customers/{customer_uid}}), so tests run every shape.
 */
public enum KeyOnlyWindowPayment {
    /** {@code paid} with amount 0 and {@code customer_uid_usage: issue}: the sandbox's default. */
    PAID_ZERO,
    /** The amount shown in the window, status {@code ready}: nothing was charged. */
    READY_SHOWN,
    /**
     * The amount shown, status {@code paid}: the PG really charged (a misconfigured channel): an approval, so a
     * "paid" webhook fires.
     */
    PAID_SHOWN
}
