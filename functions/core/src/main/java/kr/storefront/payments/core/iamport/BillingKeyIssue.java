package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;

/**
 * API-mode issuance of a billing key ({@code POST /subscribe/customers/{customer_uid}}).
 *
 * @param customerUid our id for the new key
 * @param pg          {@code tosspayments} or {@code tosspayments.<MID>}
 * @param customerId  stable PG-side customer id (Toss customer key)
 * @param card        the card, passed through and forgotten
 * @param channelKey  the API-mode channel ({@code channel_key}, which the V1 schema requires), or null to name the
 *                    PG by {@code pg} only (the older, documented fallback)
 */
public record BillingKeyIssue(String customerUid, String pg, String customerId, CardDetails card, @Nullable String channelKey) {
}
