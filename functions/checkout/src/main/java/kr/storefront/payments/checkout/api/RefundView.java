package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.Refund;

/**
 * A refund request's answer: the refund ({@code refund}, null while {@code pending}), and the order after it.
 *
 * @param outcome          {@code refunded} or {@code pending} (sent, outcome unknown: settled by the next request)
 * @param refundId         our id of this refund
 * @param refund           i'mport's cancel_history entry of it, once applied
 * @param merchantUid      the order
 * @param orderStatus      e.g. {@code partially_refunded}, {@code refunded}
 * @param amount           what was paid
 * @param refundedAmount   refunded so far
 * @param refundableAmount what is left
 * @param refunds          every refund of the order, oldest first
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RefundView(
        String outcome,
        @JsonProperty("refund_id") String refundId,
        @Nullable RefundEntry refund,
        @JsonProperty("merchant_uid") String merchantUid,
        @JsonProperty("order_status") String orderStatus,
        long amount,
        @JsonProperty("refunded_amount") long refundedAmount,
        @JsonProperty("refundable_amount") long refundableAmount,
        List<RefundEntry> refunds) {

    /** One refund, as i'mport's cancel_history recorded it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RefundEntry(
            @JsonProperty("refund_id") @Nullable String refundId,
            long amount,
            @JsonProperty("pg_tid") @Nullable String pgTid,
            @JsonProperty("cancelled_at") Instant cancelledAt,
            @Nullable String reason,
            @JsonProperty("receipt_url") @Nullable String receiptUrl) {

        public static RefundEntry of(Refund refund) {
            return new RefundEntry(refund.refundId(), refund.amount(), refund.pgTid(), refund.cancelledAt(), refund.reason(),
                    refund.receiptUrl());
        }
    }

    public static RefundView refunded(Order order, Refund refund) {
        return of("refunded", refund.refundId(), RefundEntry.of(refund), order);
    }

    public static RefundView pending(Order order, String refundId) {
        return of("pending", refundId, null, order);
    }

    private static RefundView of(String outcome, String refundId, @Nullable RefundEntry refund, Order order) {
        return new RefundView(outcome, refundId, refund, order.merchantUid(), order.status().name().toLowerCase(Locale.ROOT),
                order.amount(), order.refundedAmount(), order.refundable(), order.refunds().stream().map(RefundEntry::of).toList());
    }
}
