package kr.storefront.payments.testkit.iamport;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** POSTs one webhook the way i'mport does: one attempt, connect and read timeouts, no signature. */
final class WebhookSender {

    private final HttpClient client;
    private final Duration readTimeout;
    private final SandboxClock clock;

    WebhookSender(Duration connectTimeout, Duration readTimeout, SandboxClock clock) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    WebhookDelivery send(PendingWebhook webhook) {
        String body = webhook.format() == WebhookFormat.JSON
                ? SandboxJson.writeString(webhook.fields())
                : FormCodec.encode(webhook.fields());
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(readTimeout)
                .header("Content-Type", webhook.format().contentType() + "; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return delivery(webhook, status, null);
        } catch (IOException e) {
            return delivery(webhook, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return delivery(webhook, null, "interrupted: the sandbox was closed");
        }
    }

    private WebhookDelivery delivery(PendingWebhook webhook, Integer status, String error) {
        return new WebhookDelivery(webhook.url(), webhook.format(), webhook.fields(), status, error, clock.instant());
    }
}
