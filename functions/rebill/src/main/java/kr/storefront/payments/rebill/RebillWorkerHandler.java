package kr.storefront.payments.rebill;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.storefront.payments.core.rebill.QueuedBatch;
import kr.storefront.payments.core.rebill.RebillConfiguration;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.core.rebill.RebillWorker;
import kr.storefront.payments.queue.sqs.MalformedRebillMessageException;
import kr.storefront.payments.queue.sqs.RebillMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of a rebill worker (SQS event source mapping on the rebill queue). Reads each message
 * as a batch of due subscriptions, has {@link RebillWorker} charge them, and answers with the messages to
 * deliver again: those not fully charged, and those that are not a rebill batch at all (after the queue's
 * {@code maxReceiveCount} they are in the dead-letter queue, where the alarm sees them).
 */
public class RebillWorkerHandler extends MicronautRequestHandler<SqsEvent, SqsBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(RebillWorkerHandler.class);

    @Inject
    RebillWorker worker;
    @Inject
    RebillMessages messages;
    @Inject
    RebillConfiguration configuration;
    @Inject
    Clock clock;

    private volatile RebillReport lastReport;

    /** Used by the Lambda runtime: builds the application context during INIT. */
    public RebillWorkerHandler() {
    }

    /** Used by tests: runs inside the given context. */
    public RebillWorkerHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SqsBatchResponse execute(SqsEvent event) {
        Instant deadline = LambdaDeadline.of(getApplicationContext(), clock, configuration.defaultTimeLimit());
        List<QueuedBatch> batches = new ArrayList<>();
        List<String> again = new ArrayList<>();
        for (SqsEvent.Message message : event == null ? List.<SqsEvent.Message>of() : event.messages()) {
            if (message == null || message.messageId() == null || message.messageId().isBlank()) {
                LOG.error("rebill worker got a message without an id; ignored");
                continue;
            }
            try {
                batches.add(new QueuedBatch(message.messageId(), messages.read(message.body())));
            } catch (MalformedRebillMessageException e) {
                LOG.error("rebill message {} is not a rebill batch ({}); delivered again until it is dead-lettered",
                        message.messageId(), e.getMessage());
                again.add(message.messageId());
            }
        }
        RebillWorker.Result result = worker.charge(batches, deadline);
        lastReport = result.report();
        again.addAll(result.retryMessages());
        return SqsBatchResponse.of(again);
    }

    /**
     * What the last invocation of this instance charged; Lambda never reads it, the local stack's and the tests'
     * stand-ins for the event source mapping add it to the planner's report.
     */
    public RebillReport lastReport() {
        return lastReport;
    }
}
