package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;

/**
 * API-mode issuance of a billing key ({@code POST /subscribe/customers/{customer_uid}}).
 *
 * @param customerUid our id for the new key
 * @param channelKey  the PortOne channel to issue on; the schema requires it, and i'mport then ignores {@code pg}.
 *                    Null only until every caller has one: then {@code pg} is sent instead
 * @param pg          {@code tosspayments} or {@code tosspayments.<MID>}, the deprecated way to pick the PG
 * @param customerId  stable PG-side customer id (Toss customer key)
 * @param card        the card, passed through and forgotten
 */
public record BillingKeyIssue(String customerUid, @Nullable String channelKey, String pg, String customerId, CardDetails card) {
}
