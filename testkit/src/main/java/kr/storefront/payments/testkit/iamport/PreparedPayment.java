package kr.storefront.payments.testkit.iamport;

/** An amount registered with {@code POST /payments/prepare}; a null currency is not checked. */
record PreparedPayment(String merchantUid, long amount, String currency) {
}
