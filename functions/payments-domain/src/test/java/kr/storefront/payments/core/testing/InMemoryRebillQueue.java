package kr.storefront.payments.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kr.storefront.payments.core.rebill.QueuedBatch;
import kr.storefront.payments.core.rebill.RebillBatch;
import kr.storefront.payments.core.rebill.RebillQueue;
import kr.storefront.payments.core.rebill.RebillQueueUnavailableException;

/**
 * {@link RebillQueue} in memory: what the planner sent, in order, each with a message id, until a test takes it.
 * {@link #failSends()} makes every send throw as an unreachable queue would.
 */
public final class InMemoryRebillQueue implements RebillQueue {

    private final List<QueuedBatch> waiting = new ArrayList<>();
    private final List<Integer> sendSizes = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean failing;

    @Override
    public synchronized void send(List<RebillBatch> batches) {
        if (failing) {
            throw new RebillQueueUnavailableException("queue unavailable (test)", null);
        }
        sendSizes.add(batches.size());
        batches.forEach(batch -> waiting.add(new QueuedBatch("msg-" + ids.incrementAndGet(), batch)));
    }

    /** Up to {@code max} messages, oldest first, removed from the queue (a receive followed by the delete). */
    public synchronized List<QueuedBatch> take(int max) {
        List<QueuedBatch> taken = new ArrayList<>(waiting.subList(0, Math.min(max, waiting.size())));
        waiting.subList(0, taken.size()).clear();
        return taken;
    }

    /** Puts messages back at the end, as a redelivery after their visibility timeout. */
    public synchronized void redeliver(List<QueuedBatch> messages) {
        waiting.addAll(messages);
    }

    public synchronized int size() {
        return waiting.size();
    }

    /** Messages per send call, in order. */
    public synchronized List<Integer> sendSizes() {
        return List.copyOf(sendSizes);
    }

    public void failSends() {
        failing = true;
    }
}
