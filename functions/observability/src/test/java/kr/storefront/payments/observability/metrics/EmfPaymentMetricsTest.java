package kr.storefront.payments.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.confirm.WebhookVerdict;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.core.testing.CapturedStdout;
import org.junit.jupiter.api.Test;

class EmfPaymentMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T00:00:00Z");

    private final EmfPaymentMetrics metrics = new EmfPaymentMetrics(new MetricsConfiguration("StorefrontPayments", "shop-prod"),
            List.of(() -> true), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aForgedPayment_isConfirmedByStatus_andCountedAsForgedOnTheServiceDimensionTheAlarmReads() throws IOException {
        List<Map<String, Object>> lines = lines(() -> metrics.paymentConfirmed(OrderStatus.FORGED));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).containsEntry("Service", "shop-prod").containsEntry("Status", "forged").containsEntry("PaymentsConfirmed", 1);
        assertThat(directive(lines.get(0))).containsEntry("Namespace", "StorefrontPayments")
                .containsEntry("Dimensions", List.of(List.of("Service"), List.of("Service", "Status")))
                .containsEntry("Metrics", List.of(Map.of("Name", "PaymentsConfirmed", "Unit", "Count")));
        assertThat(lines.get(1)).containsEntry("ForgedPayments", 1).doesNotContainKey("Status");
        assertThat(directive(lines.get(1))).containsEntry("Dimensions", List.of(List.of("Service")));
        assertThat(((Map<?, ?>) lines.get(1).get("_aws")).get("Timestamp")).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void aPaidPayment_isNotForged() throws IOException {
        assertThat(lines(() -> metrics.paymentConfirmed(OrderStatus.PAID))).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("Status", "paid").doesNotContainKey("ForgedPayments"));
    }

    @Test
    void aRebillPlannerRun_queuedAndWhatTheAlarmsRead_noChargeOutcomes() throws IOException {
        RebillReport report = new RebillReport(NOW, 9, 9, 0, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 5, false, 100);

        List<Map<String, Object>> lines = lines(() -> metrics.rebillRun(report));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line).containsEntry("RebillQueued", 9).containsEntry("ForgedCharges", 1).containsEntry("ForgedPayments", 2)
                    .containsEntry("UnknownOutcomesUnresolved", 3).containsEntry("RebillRunErrors", 5).doesNotContainKey("RebillCharges");
            assertThat(directive(line)).containsEntry("Dimensions", List.of(List.of("Service")));
        });
    }

    @Test
    void aRebillWorkerInvocation_chargesByOutcome_forgedAndErrors_butNoUnresolvedGauge() throws IOException {
        RebillReport report = new RebillReport(NOW, 0, 0, 4, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, false, 100);

        List<Map<String, Object>> lines = lines(() -> metrics.rebillCharges(report));

        assertThat(lines).filteredOn(line -> line.containsKey("RebillCharges"))
                .extracting(line -> line.get("Outcome") + "=" + line.get("RebillCharges"))
                .containsExactly("paid=4", "declined=2", "not_attempted=1", "unknown=1");
        assertThat(lines.get(4)).containsEntry("ForgedCharges", 1).containsEntry("RebillRunErrors", 5)
                .doesNotContainKey("UnknownOutcomesUnresolved");
        assertThat(directive(lines.get(4))).containsEntry("Dimensions", List.of(List.of("Service")));
    }

    @Test
    void ordersAndWebhooks() throws IOException {
        List<Map<String, Object>> lines = lines(() -> {
            metrics.orderCreated();
            metrics.webhookAnswered(WebhookVerdict.RETRY_LATER);
        });

        assertThat(lines.get(0)).containsEntry("OrdersCreated", 1);
        assertThat(lines.get(1)).containsEntry("WebhookDeliveries", 1).containsEntry("Outcome", "retry_later");
    }

    @Test
    void iamportLatency_inMilliseconds_byOperation() throws IOException {
        Map<String, Object> line = lines(() -> metrics.iamportCall("prepare", 42)).get(0);

        assertThat(line).containsEntry("Operation", "prepare").containsEntry("IamportLatency", 42);
        assertThat(directive(line)).containsEntry("Metrics", List.of(Map.of("Name", "IamportLatency", "Unit", "Milliseconds")))
                .containsEntry("Dimensions", List.of(List.of("Service"), List.of("Service", "Operation")));
    }

    @Test
    void refunds_byOutcome_withTheAmountRefunded() throws IOException {
        Map<String, Object> line = lines(() -> metrics.refund("refunded", 3000)).get(0);

        assertThat(line).containsEntry("Outcome", "refunded").containsEntry("Refunds", 1).containsEntry("RefundedAmount", 3000);
        assertThat(directive(line)).containsEntry("Metrics", List.of(Map.of("Name", "Refunds", "Unit", "Count"),
                        Map.of("Name", "RefundedAmount", "Unit", "None")))
                .containsEntry("Dimensions", List.of(List.of("Service"), List.of("Service", "Outcome")));
    }

    @Test
    void whileAGateSaysNo_nothingIsCounted() {
        EmfPaymentMetrics priming = new EmfPaymentMetrics(new MetricsConfiguration("StorefrontPayments", "shop-prod"),
                List.of(() -> true, () -> false), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(CapturedStdout.of(() -> {
            priming.orderCreated();
            priming.paymentConfirmed(OrderStatus.FORGED);
        })).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Runnable action) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : CapturedStdout.of(action).split("\n")) {
            lines.add(ObjectMapper.getDefault().readValue(line, Map.class));
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> directive(Map<String, Object> line) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) line.get("_aws")).get("CloudWatchMetrics")).get(0);
    }
}
