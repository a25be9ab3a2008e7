package kr.storefront.payments.testkit.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What Lambda's SQS event source mapping does, for tests and the local stack: receive up to {@code batchSize}
 * messages, invoke the function with them, delete those it did not report as failed (partial batch response).
 * A function that throws fails the whole batch: nothing is deleted, and the queue delivers the messages again
 * after their visibility timeout (then moves them to its dead-letter queue after {@code maxReceiveCount}).
 */
public final class SqsEventSourceMapping {

    /** The function: gets a batch, returns the ids of the messages to deliver again. */
    @FunctionalInterface
    public interface Function {
        List<String> invoke(List<Message> batch);
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final int batchSize;

    public SqsEventSourceMapping(SqsClient sqs, String queueUrl, int batchSize) {
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batch size 1..10");
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.batchSize = batchSize;
    }

    /**
     * One receive and, if it got anything, one invocation.
     *
     * @return the number of messages received
     */
    public int pollOnce(Function function) {
        List<Message> batch = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(batchSize)
                .waitTimeSeconds(0)).messages();
        if (batch.isEmpty()) {
            return 0;
        }
        List<String> failed;
        try {
            failed = function.invoke(batch);
        } catch (RuntimeException | Error e) {
            return batch.size(); // the invocation failed: every message comes back after its visibility timeout
        }
        List<DeleteMessageBatchRequestEntry> done = batch.stream().filter(message -> !failed.contains(message.messageId()))
                .map(message -> DeleteMessageBatchRequestEntry.builder().id(message.messageId()).receiptHandle(message.receiptHandle()).build())
                .toList();
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(done));
        }
        return batch.size();
    }

    /** Polls with one poller until the queue holds nothing, visible or in flight. */
    public void drain(Function function, Duration timeout) {
        drain(1, () -> function, timeout);
    }

    /**
     * Polls with {@code pollers} concurrent pollers (Lambda's concurrent instances, each with its own function)
     * until the queue holds nothing, visible or in flight.
     *
     * @throws IllegalStateException when the queue is not empty after {@code timeout}
     */
    public void drain(int pollers, Supplier<Function> functions, Duration timeout) {
        long stopAt = System.nanoTime() + timeout.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(pollers, runnable -> {
            Thread thread = new Thread(runnable, "sqs-event-source-mapping");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> running = IntStream.range(0, pollers).mapToObj(i -> CompletableFuture.runAsync(() -> {
                Function function = functions.get();
                while (System.nanoTime() < stopAt) {
                    if (pollOnce(function) == 0) {
                        if (isEmpty()) {
                            return;
                        }
                        pause();
                    }
                }
            }, threads)).toList();
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdownNow();
        }
        if (!isEmpty()) {
            throw new IllegalStateException("queue " + queueUrl + " not drained after " + timeout + ": " + depth());
        }
    }

    /** Messages visible and in flight. */
    public Map<String, Integer> depth() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Map.of("visible", Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                "in_flight", Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
    }

    private boolean isEmpty() {
        return depth().values().stream().allMatch(count -> count == 0);
    }

    /** Messages waiting in a queue (a dead-letter queue, say), received and left there. */
    public static List<Message> peek(SqsClient sqs, String queueUrl) {
        List<Message> seen = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .visibilityTimeout(30)).messages();
            seen.addAll(batch);
        } while (!batch.isEmpty());
        return seen;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
