package kr.storefront.payments.testkit.iamport;

import java.net.URI;
import java.util.Map;

/** A webhook decided on but not yet sent. The format is fixed when it fires, like the console setting then. */
record PendingWebhook(URI url, WebhookFormat format, Map<String, String> fields) {

    PendingWebhook {
        fields = Map.copyOf(fields);
    }
}
