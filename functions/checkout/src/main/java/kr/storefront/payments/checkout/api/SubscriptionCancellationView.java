package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An immediate cancellation: the subscription after it and, when a refund was asked for, the order refunded and the
 * refund's answer (as {@code POST .../refunds} gives it: {@code refunded} or {@code pending}); when i'mport refused the
 * refund, {@code refund} is absent and {@code refund_rejected_code} holds i'mport's code (the subscription is cancelled
 * all the same).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionCancellationView(
        AdminSubscriptionView subscription,
        @JsonProperty("refunded_order") @Nullable String refundedOrder,
        @Nullable RefundView refund,
        @JsonProperty("refund_rejected_code") @Nullable Integer refundRejectedCode) {
}
