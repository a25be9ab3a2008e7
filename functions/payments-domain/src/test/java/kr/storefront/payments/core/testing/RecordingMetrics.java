package kr.storefront.payments.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.storefront.payments.core.checkout.CheckoutMetrics;
import kr.storefront.payments.core.confirm.ConfirmMetrics;
import kr.storefront.payments.core.confirm.WebhookVerdict;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.rebill.RebillMetrics;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.core.refund.RefundMetrics;

/** Keeps every business event the services count, in order, as a short text ({@code confirmed FORGED}). */
public final class RecordingMetrics implements CheckoutMetrics, ConfirmMetrics, RebillMetrics, RefundMetrics {

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void orderCreated() {
        events.add("order created");
    }

    @Override
    public void paymentConfirmed(OrderStatus status) {
        events.add("confirmed " + status);
    }

    @Override
    public void webhookAnswered(WebhookVerdict verdict) {
        events.add("webhook " + verdict);
    }

    @Override
    public void rebillRun(RebillReport report) {
        events.add("rebill run due=" + report.due() + " queued=" + report.queued());
    }

    @Override
    public void rebillCharges(RebillReport report) {
        events.add("rebill charges due=" + report.due() + " charged=" + report.charged());
    }

    @Override
    public void refund(String outcome, long amount) {
        events.add("refund " + outcome + " " + amount);
    }

    public List<String> events() {
        return List.copyOf(events);
    }
}
