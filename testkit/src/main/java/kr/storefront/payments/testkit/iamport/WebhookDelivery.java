package kr.storefront.payments.testkit.iamport;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * One completed webhook POST.
 *
 * @param responseStatus the receiver's HTTP status, or null when the request failed
 * @param error          why the request failed (connect refused, timeout...), or null
 * @param at             sandbox-clock time the delivery completed
 */
public record WebhookDelivery(
        URI url,
        WebhookFormat format,
        Map<String, String> fields,
        Integer responseStatus,
        String error,
        Instant at) {

    public WebhookDelivery {
        fields = Map.copyOf(fields);
    }

    public boolean acknowledged() {
        return responseStatus != null && responseStatus >= 200 && responseStatus < 300;
    }
}
