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
 * @param windowMerchantUid the merchant_uid of the billing-key window that issued it; null for keys issued from
 *                    card data (Toss API mode)
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
        @Nullable String windowMerchantUid,
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

    /** A key about to be issued from card data (Toss API mode). */
    public static BillingKey pending(String customerId, String customerUid, Pg pg, Instant now) {
        return new BillingKey(customerId, customerUid, pg, null, BillingKeyStatus.PENDING, null, now, now, 0);
    }

    /** A key the billing-key window {@code windowMerchantUid} is about to issue. */
    public static BillingKey pendingFromWindow(String customerId, String customerUid, Pg pg, String windowMerchantUid, Instant now) {
        return new BillingKey(customerId, customerUid, pg, Objects.requireNonNull(windowMerchantUid, "windowMerchantUid"),
                BillingKeyStatus.PENDING, null, now, now, 0);
    }

    /** @throws IllegalStateException if the status may not change that way */
    public BillingKey transitionTo(BillingKeyStatus next, @Nullable CardSummary reportedCard, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("billing key cannot go from " + status + " to " + next);
        }
        return new BillingKey(customerId, customerUid, pg, windowMerchantUid, next, reportedCard != null ? reportedCard : card, createdAt, now, version);
    }
}
