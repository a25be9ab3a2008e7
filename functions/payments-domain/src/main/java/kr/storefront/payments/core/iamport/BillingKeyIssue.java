package kr.storefront.payments.core.iamport;

import java.util.Objects;

/**
 * API-mode issuance of a billing key ({@code POST /subscribe/customers/{customer_uid}}).
 *
 * @param customerUid our id for the new key
 * @param channelKey  the API-mode channel ({@code channel_key}): the V1 schema requires it, and it names the PG and MID
 * @param customerId  stable PG-side customer id (Toss customer key)
 * @param card        the card, passed through and forgotten
 */
public record BillingKeyIssue(String customerUid, String channelKey, String customerId, CardDetails card) {

    public BillingKeyIssue {
        Objects.requireNonNull(channelKey, "channelKey");
    }
}
