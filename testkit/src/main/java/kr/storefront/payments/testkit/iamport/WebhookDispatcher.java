package kr.storefront.payments.testkit.iamport;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires payment webhooks like i'mport: to the payment's {@code notice_url}, else the console URL, else
 * nowhere; in the account's current format; on a background thread, because i'mport does not wait for
 * the browser (or for us) before redirecting. Armed faults can drop, duplicate or hold them.
 */
final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookSender sender;
    private final WebhookFaultPlan faults;
    private final DeliveryLog log;
    private final ExecutorService executor = Executors.newCachedThreadPool(new DaemonThreads("iamport-sandbox-webhook"));
    private volatile URI consoleUrl;
    private volatile WebhookFormat format;
    private boolean holding; // guarded by this, together with held
    private final List<PendingWebhook> held = new ArrayList<>();

    WebhookDispatcher(WebhookSender sender, WebhookFaultPlan faults, DeliveryLog log, URI consoleUrl, WebhookFormat format) {
        this.sender = sender;
        this.faults = faults;
        this.log = log;
        this.consoleUrl = consoleUrl;
        this.format = format;
    }

    void setConsoleUrl(URI url) {
        consoleUrl = url;
    }

    void setFormat(WebhookFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    /** Notifies the payment's current status: "paid", or "ready" for an issued virtual account. */
    void statusChanged(Payment payment) {
        fire(payment, Map.of("imp_uid", payment.impUid(), "merchant_uid", payment.merchantUid(),
                "status", payment.status().wire()));
    }

    void cancelled(Payment payment, String cancellationId) {
        fire(payment, Map.of("imp_uid", payment.impUid(), "merchant_uid", payment.merchantUid(),
                "status", Payment.Status.CANCELLED.wire(), "cancellation_id", cancellationId));
    }

    /** Sends one webhook now, bypassing faults; for forged or hand-made deliveries. */
    WebhookDelivery sendNow(PendingWebhook webhook) {
        return deliver(webhook);
    }

    synchronized void hold() {
        holding = true;
    }

    /** Stops holding and delivers what was held, one after another, before returning. */
    void releaseHeld(boolean reverseOrder) {
        List<PendingWebhook> release;
        synchronized (this) {
            holding = false;
            release = new ArrayList<>(held);
            held.clear();
        }
        if (reverseOrder) {
            Collections.reverse(release);
        }
        release.forEach(this::deliver);
    }

    /** Stops holding and forgets what was held. */
    synchronized void discardHeld() {
        holding = false;
        held.clear();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private void fire(Payment payment, Map<String, String> fields) {
        URI target = payment.noticeUrl() != null ? payment.noticeUrl() : consoleUrl;
        if (target == null) {
            return;
        }
        var webhook = new PendingWebhook(target, format, fields);
        WebhookFaultPlan.Fate fate = faults.decide();
        if (fate == WebhookFaultPlan.Fate.DROP) {
            LOG.debug("Dropping webhook {} for {} as armed", fields.get("status"), payment.impUid());
            return;
        }
        int copies = fate == WebhookFaultPlan.Fate.DELIVER_TWICE ? 2 : 1;
        synchronized (this) {
            if (holding) {
                held.addAll(Collections.nCopies(copies, webhook));
                return;
            }
        }
        executor.execute(() -> {
            for (int i = 0; i < copies; i++) {
                deliver(webhook);
            }
        });
    }

    private WebhookDelivery deliver(PendingWebhook webhook) {
        WebhookDelivery delivery = sender.send(webhook);
        log.add(delivery);
        LOG.debug("Webhook {} {} to {}: {}", webhook.fields().get("status"), webhook.fields().get("imp_uid"), webhook.url(),
                delivery.responseStatus() != null ? delivery.responseStatus() : delivery.error());
        return delivery;
    }
}
