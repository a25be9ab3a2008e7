package kr.storefront.payments.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.testkit.SampleEvents;
import org.junit.jupiter.api.Test;

/**
 * Lambda's Java runtime, not Micronaut, turns the schedule's JSON into {@link RebillTrigger} and the
 * report back into JSON. Its own Jackson cannot build a record, so the bundle registers Micronaut's
 * serializer the way the runtime looks for one: exactly one {@link CustomPojoSerializer} service.
 */
class LambdaRuntimeSerializationTest {

    private static CustomPojoSerializer runtimeSerializer() {
        List<CustomPojoSerializer> found = ServiceLoader.load(CustomPojoSerializer.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(found).hasSize(1); // the runtime refuses more than one
        return found.get(0);
    }

    @Test
    void schedulerInput_isReadByTheRuntimesSerializer() throws IOException {
        RebillTrigger trigger;
        try (InputStream in = Files.newInputStream(SampleEvents.path("rebill-scheduled.json"))) {
            trigger = runtimeSerializer().fromJson(in, RebillTrigger.class);
        }

        assertThat(trigger.scheduledTime()).isEqualTo("2026-11-21T03:00:00Z");
        assertThat(trigger.executionId()).isNotBlank();
        assertThat(trigger.attempt()).isEqualTo("1");
    }

    @Test
    void report_isWrittenAsTheReadmesSnakeCaseJson() {
        RebillReport report = new RebillReport(Instant.parse("2026-11-21T03:00:00Z"), 3, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 4, 1, 0, 0,
                0, 0, 0, false, 1234);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        runtimeSerializer().toJson(report, out, RebillReport.class);

        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"scheduled_time\":\"2026-11-21T03:00:00Z\",\"due\":3,\"queued\":3,\"charged\":2,\"declined\":1")
                .contains("\"orders_checked\":4", "\"budget_exhausted\":false", "\"duration_ms\":1234");
    }

    @Test
    void sqsEvent_asTheEventSourceMappingSendsIt_isReadByTheRuntimesSerializer() throws IOException {
        SqsEvent event;
        try (InputStream in = Files.newInputStream(SampleEvents.path("rebill-worker-batch.json"))) {
            event = runtimeSerializer().fromJson(in, SqsEvent.class);
        }

        assertThat(event.messages()).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo("5f1b7c0e-8d3a-4c2b-9a51-2f0c7a1d9e01");
            assertThat(message.body()).startsWith("{\"planned_at\":\"2026-11-21T03:00:05Z\"");
        });
    }

    @Test
    void partialBatchResponse_isWrittenAsLambdaReadsIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        runtimeSerializer().toJson(SqsBatchResponse.of(List.of("msg-1", "msg-2")), out, SqsBatchResponse.class);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"msg-1\"},{\"itemIdentifier\":\"msg-2\"}]}");
    }

    @Test
    void emptyPartialBatchResponse_keepsTheEmptyList() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        runtimeSerializer().toJson(SqsBatchResponse.of(List.of()), out, SqsBatchResponse.class);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    }
}
