package kr.storefront.payments.rebill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.storefront.payments.core.rebill.RebillReport;
import org.junit.jupiter.api.Test;

/** The Lambda entry point: Scheduler input, the invocation's deadline, a broken input. */
class RebillHandlerIT extends RebillTestSupport {

    @Test
    void eventsFile_isTheSchedulerInput_andItsTimeIsReported() throws IOException {
        RebillTrigger trigger = bed.context.getBean(JsonMapper.class).readValue(Files.readAllBytes(eventsFile()), RebillTrigger.class);

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
        assertThat(keys).containsExactly("scheduled_time", "due", "charged", "declined", "not_attempted",
                "unknown", "forged", "ended", "skipped", "reconciled", "unresolved", "orders_checked", "orders_confirmed",
                "orders_closed", "orders_forged", "errors", "budget_exhausted", "duration_ms");
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

        assertThat(report.charged()).isEqualTo(1);
        assertThat(report.scheduledTime()).isEqualTo(bed.clock.instant());
    }

    @Test
    void malformedScheduledTime_failsWithoutCharging() {
        bed.subscribe("sub_badinput", bed.clock.instant());

        assertThatThrownBy(() -> bed.handler.execute(new RebillTrigger("<aws.scheduler.scheduled-time>", null, "1")))
                .isInstanceOf(InvalidTriggerException.class).hasMessageContaining("scheduled_time");
        assertThat(bed.againCalls()).isEmpty();
    }

    /** {@code events/rebill-scheduled.json} at the repository root, for {@code sam local invoke}. */
    private static Path eventsFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("events/rebill-scheduled.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("events/rebill-scheduled.json not found");
    }
}
