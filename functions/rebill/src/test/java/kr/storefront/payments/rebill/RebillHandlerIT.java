package kr.storefront.payments.rebill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import java.util.Map;
import kr.storefront.payments.core.testing.Secrets;
import kr.storefront.payments.testkit.SampleEvents;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.iamport.MerchantCredentials;
import kr.storefront.payments.core.rebill.RebillReport;
import org.junit.jupiter.api.Test;

/** The Lambda entry point: Scheduler input, the invocation's deadline, a broken input. */
class RebillHandlerIT extends RebillTestSupport {

    @Test
    void eventsFile_isTheSchedulerInput_andItsTimeIsReported() throws IOException {
        RebillTrigger trigger = bed.context.getBean(JsonMapper.class)
                .readValue(Files.readAllBytes(SampleEvents.path("rebill-scheduled.json")), RebillTrigger.class);

        RebillReport report = bed.handler.handleRequest(trigger, new RebillTestBed.StubLambdaContext(Duration.ofMinutes(15)));

        assertThat(trigger.executionId()).isNotBlank();
        assertThat(report.scheduledTime()).isEqualTo(Instant.parse("2026-11-21T03:00:00Z"));
    }

    @Test
    void report_isReturnedAsSnakeCaseJson_asTheReadmeShowsIt() throws IOException {
        RebillReport report = bed.run();

        JsonNode json = bed.context.getBean(JsonMapper.class).writeValueToTree(report);

        assertThat(json.get("scheduled_time").getStringValue()).isEqualTo(report.scheduledTime().toString());
        List<String> keys = new ArrayList<>();
        json.entries().forEach(entry -> keys.add(entry.getKey()));
        assertThat(keys).containsExactly("scheduled_time", "due", "queued", "charged", "declined", "not_attempted",
                "unknown", "forged", "ended", "skipped", "reconciled", "unresolved", "orders_checked", "orders_confirmed",
                "orders_closed", "orders_forged", "refunds_checked", "refunds_settled", "errors", "budget_exhausted", "duration_ms");
    }

    @Test
    void handlersBuiltLikeLambda_withTheNoArgConstructor_queueAndChargeWhatIsDue() {
        bed.subscribe("sub_deployed", Instant.now().minusSeconds(60)); // due by the real clock the deployed handler reads
        Map<String, String> settings = Stream.of("aws.region", "aws.access-key-id", "aws.secret-key",
                        "aws.services.dynamodb.endpoint-override", "aws.services.secretsmanager.endpoint-override",
                        "aws.services.sqs.endpoint-override", "rebill.queue.url", "store.table-name", "iamport.secret-id", "iamport.base-url", "payments.enabled-pgs")
                .collect(Collectors.toMap(name -> name, name -> bed.context.getRequiredProperty(name, String.class)));
        // deployed, the secret comes from Secrets Manager (the test bed keeps it in memory)
        MerchantCredentials credentials = bed.sandbox.credentials();
        settings.put("iamport.secret-id", AwsEmulator.shared().createSecret("iamport",
                Secrets.iamportSecret(credentials.impKey(), credentials.impSecret(), credentials.impCode())));
        settings.forEach(System::setProperty);
        try (RebillHandler planner = new RebillHandler(); RebillWorkerHandler worker = new RebillWorkerHandler()) {
            RebillReport report = planner.handleRequest(new RebillTrigger(Instant.now().toString(), "exec-deployed", "1"),
                    new RebillTestBed.StubLambdaContext(Duration.ofMinutes(15)));
            bed.eventSource.drain(batch -> worker.handleRequest(RebillTestBed.asEvent(batch),
                    new RebillTestBed.StubLambdaContext(Duration.ofMinutes(15))).batchItemFailures().stream()
                    .map(SqsBatchResponse.ItemFailure::itemIdentifier).toList(), Duration.ofSeconds(60));

            assertThat(report.queued()).as(report.toString()).isEqualTo(1);
            assertThat(worker.lastReport().charged()).isEqualTo(1);
            assertThat(bed.againCalls()).hasSize(1);
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void deadline_comesFromEachInvocationsLambdaContext() {
        bed.subscribe("sub_deadline", bed.clock.instant());

        RebillReport tooLate = bed.run(Duration.ofSeconds(60));
        RebillReport inTime = bed.run(Duration.ofMinutes(15));

        assertThat(tooLate.budgetExhausted()).isTrue();
        assertThat(tooLate.due()).isZero();
        assertThat(inTime.charged()).isEqualTo(1);
    }

    @Test
    void withoutLambdaContext_runsOnTheDefaultTimeLimit_andWithoutScheduledTime_reportsNow() {
        bed.subscribe("sub_direct", bed.clock.instant());

        RebillReport report = bed.handler.execute(new RebillTrigger(null, null, null));
        List<RebillReport> workers = bed.drain(1, Duration.ofMinutes(15));

        assertThat(report.queued()).isEqualTo(1);
        assertThat(report.scheduledTime()).isEqualTo(bed.clock.instant());
        assertThat(workers).extracting(RebillReport::charged).containsExactly(1);
    }

    @Test
    void malformedScheduledTime_failsWithoutCharging() {
        bed.subscribe("sub_badinput", bed.clock.instant());

        assertThatThrownBy(() -> bed.handler.execute(new RebillTrigger("<aws.scheduler.scheduled-time>", null, "1")))
                .isInstanceOf(InvalidTriggerException.class).hasMessageContaining("scheduled_time");
        assertThat(bed.againCalls()).isEmpty();
    }
}
