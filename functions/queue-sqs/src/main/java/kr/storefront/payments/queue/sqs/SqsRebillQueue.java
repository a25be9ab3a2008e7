package kr.storefront.payments.queue.sqs;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import kr.storefront.payments.core.rebill.RebillBatch;
import kr.storefront.payments.core.rebill.RebillQueue;
import kr.storefront.payments.core.rebill.RebillQueueUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@link RebillQueue} on SQS: {@code SendMessageBatch}, ten messages per call. Entries SQS refuses for a
 * reason of its own (throttled, internal) are sent once more; what still fails, or is refused as malformed,
 * fails the send.
 */
@Singleton
@Requires(property = "rebill.queue.url")
final class SqsRebillQueue implements RebillQueue {

    static final int MAX_ENTRIES = 10;

    private final SqsClient sqs;
    private final RebillQueueConfiguration configuration;
    private final RebillMessages messages;

    SqsRebillQueue(SqsClient sqs, RebillQueueConfiguration configuration, RebillMessages messages) {
        this.sqs = sqs;
        this.configuration = configuration;
        this.messages = messages;
    }

    @Override
    public void send(List<RebillBatch> batches) {
        for (int from = 0; from < batches.size(); from += MAX_ENTRIES) {
            List<RebillBatch> group = batches.subList(from, Math.min(from + MAX_ENTRIES, batches.size()));
            List<SendMessageBatchRequestEntry> entries = IntStream.range(0, group.size())
                    .mapToObj(i -> SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                            .messageBody(messages.write(group.get(i))).build())
                    .toList();
            List<BatchResultErrorEntry> failed = sendOnce(entries);
            if (!failed.isEmpty() && failed.stream().noneMatch(BatchResultErrorEntry::senderFault)) {
                List<String> retryIds = failed.stream().map(BatchResultErrorEntry::id).toList();
                failed = sendOnce(entries.stream().filter(entry -> retryIds.contains(entry.id())).toList());
            }
            if (!failed.isEmpty()) {
                BatchResultErrorEntry first = failed.get(0);
                throw new RebillQueueUnavailableException("SQS refused " + failed.size() + " of " + entries.size()
                        + " rebill messages (" + first.code() + ")", null);
            }
        }
    }

    private List<BatchResultErrorEntry> sendOnce(List<SendMessageBatchRequestEntry> entries) {
        try {
            SendMessageBatchResponse response = sqs.sendMessageBatch(request -> request.queueUrl(configuration.url()).entries(entries));
            return response.hasFailed() ? new ArrayList<>(response.failed()) : List.of();
        } catch (SdkException e) {
            throw new RebillQueueUnavailableException("SQS did not take the rebill messages: " + e.getMessage(), e);
        }
    }
}
