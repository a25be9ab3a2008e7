package kr.storefront.payments.core.checkout;

import kr.storefront.payments.core.idempotency.RequestFingerprint;

/**
 * The stable {@code customer_id} sent to tosspayments with every billing key of a customer, so Toss
 * links their cards. Derived from our customer id, so it never changes and reveals nothing of it.
 */
public final class TossCustomerKey {

    private TossCustomerKey() {
    }

    public static String of(String customerId) {
        return "cust_" + RequestFingerprint.of("toss-customer-key:" + customerId).substring(0, 32);
    }
}
