package kr.storefront.payments.core.domain;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * One refund of an order, as i'mport recorded it in the payment's {@code cancel_history}.
 *
 * @param refundId    our id of the request that asked for it; null for a refund made elsewhere (i'mport's console)
 * @param pgTid       the PG's transaction id of the cancellation
 * @param amount      refunded won
 * @param cancelledAt when i'mport applied it
 * @param reason      the reason sent with it
 * @param receiptUrl  the PG's receipt, if any
 */
public record Refund(@Nullable String refundId, @Nullable String pgTid, long amount, Instant cancelledAt,
                     @Nullable String reason, @Nullable String receiptUrl) {

    public Refund {
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        if (amount <= 0) {
            throw new IllegalArgumentException("a refund's amount must be > 0");
        }
    }
}
