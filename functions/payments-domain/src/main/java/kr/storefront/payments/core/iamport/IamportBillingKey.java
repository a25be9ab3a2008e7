package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import kr.storefront.payments.core.domain.CardSummary;

/**
 * A billing key (i'mport "customer") as i'mport reports it. Customer contact fields are not carried.
 *
 * @param customerUid our id for the key
 * @param pgProvider  PG holding the key
 * @param customerId  the PG-side customer id (Toss customer key), if any
 * @param card        masked card details
 * @param sandbox     true when issued on a test channel
 * @param issuedAt    when i'mport stored it
 */
public record IamportBillingKey(
        String customerUid,
        @Nullable String pgProvider,
        @Nullable String customerId,
        CardSummary card,
        boolean sandbox,
        @Nullable Instant issuedAt) {
}
