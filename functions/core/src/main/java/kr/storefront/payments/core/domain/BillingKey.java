package kr.storefront.payments.core.domain;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * Our record of a billing key: which customer owns which opaque customer_uid at which PG.
 *
 * @param customerId  owner (JWT {@code sub})
 * @param customerUid opaque key id at i'mport, unique per customer per card
 * @param pg          PG holding the key
 * @param status      life-cycle state
 * @param card        masked card info as i'mport reports it, once active
 * @param createdAt   creation time
 * @param updatedAt   last change
 * @param version     optimistic-locking version
 */
public record BillingKey(
        String customerId,
        String customerUid,
        Pg pg,
        BillingKeyStatus status,
        @Nullable CardSummary card,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public BillingKey {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(customerUid, "customerUid");
        Objects.requireNonNull(pg, "pg");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static BillingKey pending(String customerId, String customerUid, Pg pg, Instant now) {
        return new BillingKey(customerId, customerUid, pg, BillingKeyStatus.PENDING, null, now, now, 0);
    }

    /** @throws IllegalStateException if the status may not change that way */
    public BillingKey transitionTo(BillingKeyStatus next, @Nullable CardSummary reportedCard, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("billing key cannot go from " + status + " to " + next);
        }
        return new BillingKey(customerId, customerUid, pg, next, reportedCard != null ? reportedCard : card, createdAt, now, version);
    }
}
