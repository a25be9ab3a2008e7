package kr.storefront.payments.core.rebill;

import java.util.List;

/** Where the planner hands due subscriptions to the workers (SQS in production). */
public interface RebillQueue {

    /**
     * Sends every batch as one message. All or nothing is not promised: on failure some may have been sent,
     * which is safe (a subscription queued twice is charged once) and the rest stays due for the next run.
     *
     * @throws RebillQueueUnavailableException when a batch could not be sent
     */
    void send(List<RebillBatch> batches);
}
