package kr.storefront.payments.core.iamport;

/**
 * API-mode issuance of a billing key ({@code POST /subscribe/customers/{customer_uid}}).
 *
 * @param customerUid our id for the new key
 * @param pg          {@code tosspayments} or {@code tosspayments.<MID>}
 * @param customerId  stable PG-side customer id (Toss customer key)
 * @param card        the card, passed through and forgotten
 */
public record BillingKeyIssue(String customerUid, String pg, String customerId, CardDetails card) {
}
