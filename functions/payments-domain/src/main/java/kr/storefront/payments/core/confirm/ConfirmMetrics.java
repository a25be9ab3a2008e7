package kr.storefront.payments.core.confirm;

import kr.storefront.payments.core.domain.OrderStatus;

/** What the confirm step counts, for the operator's metrics and alarms (docs/operations.md). */
public interface ConfirmMetrics {

    /** The confirm step moved an order to {@code status} ({@link OrderStatus#FORGED} included); repeats are not counted. */
    void paymentConfirmed(OrderStatus status);

    /** A webhook delivery was answered. */
    void webhookAnswered(WebhookVerdict verdict);
}
