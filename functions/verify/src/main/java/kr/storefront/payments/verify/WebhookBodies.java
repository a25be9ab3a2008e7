package kr.storefront.payments.verify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kr.storefront.payments.core.confirm.WebhookNotification;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.http.SingleJsonValue;

/**
 * Reads i'mport's notification body: JSON or {@code application/x-www-form-urlencoded} (chosen per
 * account in i'mport's console), possibly base64-encoded by API Gateway. Read from the raw event,
 * here (the route binds no body, so {@code StrictJsonBody} leaves it alone and a malformed delivery
 * is recorded); JSON must be exactly one object, as for every other body.
 */
final class WebhookBodies {

    private static final Set<String> KNOWN_FIELDS = Set.of("imp_uid", "merchant_uid", "status", "cancellation_id");

    private WebhookBodies() {
    }

    static WebhookNotification parse(@Nullable String contentType, @Nullable String body, boolean base64, JsonMapper json) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("body", "empty notification");
        }
        String text;
        try {
            text = base64 ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("body", "not valid base64");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        Map<String, String> fields = type.startsWith("application/x-www-form-urlencoded") ? form(text) : json(text, json);
        String impUid = fields.get("imp_uid");
        String merchantUid = fields.get("merchant_uid");
        if (!PaymentIds.isImpUid(impUid)) {
            throw new InvalidRequestException("imp_uid", "missing or not an i'mport payment id");
        }
        if (merchantUid != null && !PaymentIds.isMerchantUid(merchantUid)) {
            throw new InvalidRequestException("merchant_uid", "not a merchant_uid of this service");
        }
        String status = fields.get("status");
        if (status != null && (status.length() > 20 || !status.matches("[a-z_.]+"))) {
            throw new InvalidRequestException("status", "not a payment status");
        }
        String cancellationId = fields.get("cancellation_id");
        if (cancellationId != null && (cancellationId.length() > 64 || !cancellationId.matches("[\\x21-\\x7e]+"))) {
            throw new InvalidRequestException("cancellation_id", "not a cancellation id");
        }
        return new WebhookNotification(impUid, merchantUid, status, cancellationId);
    }

    private static Map<String, String> json(String text, JsonMapper json) {
        SingleJsonValue.require(text); // a second imp_uid or status must not ride along, nor anything after the object
        JsonNode node;
        try {
            node = json.readValue(text, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("body", "not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        Map<String, String> fields = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (entry.getValue().isString()) {
                fields.put(entry.getKey(), entry.getValue().getStringValue());
            } else if (!entry.getValue().isNull()) {
                // a field we read is named; any other key is caller input, never echoed
                throw KNOWN_FIELDS.contains(entry.getKey()) ? new InvalidRequestException(entry.getKey(), "must be a string")
                        : new InvalidRequestException("body", "every field must be a string");
            }
        }
        return fields;
    }

    private static Map<String, String> form(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("body", "not a valid form encoding");
            }
        }
        return fields;
    }
}
