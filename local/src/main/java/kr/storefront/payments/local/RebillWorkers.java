package kr.storefront.payments.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.rebill.RebillWorkerHandler;
import kr.storefront.payments.testkit.aws.SqsEventSourceMapping;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The rebill queue's event source mapping, locally: receives the template's {@code BatchSize} messages at a
 * time, invokes the worker function with them as Lambda's SQS event, and deletes what it did not hand back.
 */
final class RebillWorkers {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A local run waits this long at most for the queue to empty (handed-back messages come back after 5 s). */
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    private final FunctionRuntime functions;
    private final String workerId;
    private final SqsEventSourceMapping eventSource;

    private RebillWorkers(FunctionRuntime functions, String workerId, SqsEventSourceMapping eventSource) {
        this.functions = functions;
        this.workerId = workerId;
        this.eventSource = eventSource;
    }

    static RebillWorkers of(SamTemplate template, FunctionRuntime functions, LocalEnvironment environment) {
        SamTemplate.FunctionSpec worker = template.functions().stream().filter(f -> f.queueSource() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no function on the rebill queue"));
        return new RebillWorkers(functions, worker.logicalId(),
                new SqsEventSourceMapping(environment.sqs(), environment.rebillQueueUrl(), worker.queueSource().batchSize()));
    }

    /** Worker invocations until the queue holds nothing; each one's report. */
    synchronized List<RebillReport> drain() {
        List<RebillReport> reports = new ArrayList<>();
        eventSource.drain(batch -> {
            String output = functions.invokeJson(workerId, event(batch));
            reports.add(((RebillWorkerHandler) functions.handler(workerId)).lastReport());
            return failedIds(output);
        }, DRAIN_TIMEOUT);
        return reports;
    }

    /** Lambda's SQS event for {@code batch} (the fields the worker reads, and those Lambda always sends). */
    static String event(List<Message> batch) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            records.addObject().put("messageId", message.messageId()).put("receiptHandle", message.receiptHandle())
                    .put("body", message.body()).put("md5OfBody", message.md5OfBody()).put("eventSource", "aws:sqs")
                    .put("awsRegion", "ap-northeast-2");
        }
        return event.toString();
    }

    private static List<String> failedIds(String output) {
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode failure : JSON.readTree(output).path("batchItemFailures")) {
                ids.add(failure.path("itemIdentifier").asText());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("worker output is not JSON", e);
        }
    }
}
