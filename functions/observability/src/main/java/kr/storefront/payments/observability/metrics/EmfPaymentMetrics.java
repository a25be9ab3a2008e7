package kr.storefront.payments.observability.metrics;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import kr.storefront.payments.core.checkout.CheckoutMetrics;
import kr.storefront.payments.core.confirm.ConfirmMetrics;
import kr.storefront.payments.core.confirm.WebhookVerdict;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.iamport.IamportCallMetrics;
import kr.storefront.payments.core.rebill.RebillMetrics;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.core.refund.RefundMetrics;

/** The services' counts as EMF lines (names and dimensions: docs/operations.md, which the template's alarms read). */
@Singleton
final class EmfPaymentMetrics implements CheckoutMetrics, ConfirmMetrics, RebillMetrics, IamportCallMetrics, RefundMetrics {

    private final MetricsConfiguration configuration;
    private final List<MetricsGate> gates;
    private final Clock clock;

    EmfPaymentMetrics(MetricsConfiguration configuration, List<MetricsGate> gates, Clock clock) {
        this.configuration = configuration;
        this.gates = List.copyOf(gates);
        this.clock = clock;
    }

    @Override
    public void orderCreated() {
        line().count("OrdersCreated", 1).emit(clock.instant());
    }

    @Override
    public void paymentConfirmed(OrderStatus status) {
        line().by("Status", status.name().toLowerCase(Locale.ROOT)).count("PaymentsConfirmed", 1).emit(clock.instant());
        if (status == OrderStatus.FORGED) {
            line().count("ForgedPayments", 1).emit(clock.instant());
        }
    }

    @Override
    public void webhookAnswered(WebhookVerdict verdict) {
        line().by("Outcome", verdict.name().toLowerCase(Locale.ROOT)).count("WebhookDeliveries", 1).emit(clock.instant());
    }

    /** The planner's run: what it queued, and the gauges and errors the alarms read. */
    @Override
    public void rebillRun(RebillReport report) {
        line().count("RebillQueued", report.queued())
                .count("ForgedCharges", report.forged())
                .count("ForgedPayments", report.ordersForged())
                .count("UnknownOutcomesUnresolved", report.unresolved())
                .count("RebillRunErrors", report.errors())
                .emit(clock.instant());
    }

    /** A worker invocation: charges by outcome; no gauge (only the planner sees every unresolved attempt). */
    @Override
    public void rebillCharges(RebillReport report) {
        var at = clock.instant();
        charges("paid", report.charged()).emit(at);
        charges("declined", report.declined()).emit(at);
        charges("not_attempted", report.notAttempted()).emit(at);
        charges("unknown", report.unknown()).emit(at);
        line().count("ForgedCharges", report.forged())
                .count("RebillRunErrors", report.errors())
                .emit(at);
    }

    @Override
    public void refund(String outcome, long amount) {
        line().by("Outcome", outcome).count("Refunds", 1).put("RefundedAmount", amount, EmfLine.Unit.None).emit(clock.instant());
    }

    @Override
    public void iamportCall(String operation, long elapsedMillis) {
        line().by("Operation", operation).put("IamportLatency", elapsedMillis, EmfLine.Unit.Milliseconds).emit(clock.instant());
    }

    private EmfLine charges(String outcome, int count) {
        return line().by("Outcome", outcome).count("RebillCharges", count);
    }

    private EmfLine line() {
        boolean counts = gates.stream().allMatch(MetricsGate::counts);
        return new EmfLine(configuration, counts);
    }
}
