package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * One entry of a payment's {@code cancel_history}: a full or partial refund i'mport applied.
 *
 * @param pgTid       the PG's id of the cancellation
 * @param amount      refunded won
 * @param cancelledAt when
 * @param reason      reason given
 * @param receiptUrl  receipt, if the PG has one
 */
public record CancelHistoryEntry(@Nullable String pgTid, long amount, @Nullable Instant cancelledAt, @Nullable String reason,
                                 @Nullable String receiptUrl) {
}
