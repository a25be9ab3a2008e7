package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.domain.Refund;

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

    /** This entry as a refund of no request of ours (yet); empty for an entry of no money. */
    public Optional<Refund> asRefund(Instant fallbackTime) {
        return amount <= 0 ? Optional.empty()
                : Optional.of(new Refund(null, pgTid, amount, cancelledAt != null ? cancelledAt : fallbackTime, reason, receiptUrl));
    }

    /** A payment's cancel_history as refunds. */
    public static List<Refund> asRefunds(List<CancelHistoryEntry> history, Instant fallbackTime) {
        return history.stream().flatMap(entry -> entry.asRefund(fallbackTime).stream()).toList();
    }
}
