package kr.storefront.payments.core.rebill;

import java.util.Objects;

/**
 * One message a worker invocation received.
 *
 * @param messageId the queue's id for it, reported back when the message must be delivered again
 * @param batch     its due subscriptions
 */
public record QueuedBatch(String messageId, RebillBatch batch) {

    public QueuedBatch {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(batch, "batch");
    }
}
