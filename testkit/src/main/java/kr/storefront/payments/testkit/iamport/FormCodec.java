package kr.storefront.payments.testkit.iamport;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code application/x-www-form-urlencoded} for request bodies, query strings, form webhooks and
 * redirect URLs. Bracketed keys ({@code extra[requester]}) are kept verbatim; the first value of a
 * repeated key wins.
 */
final class FormCodec {

    private FormCodec() {
    }

    static Map<String, String> decode(String encoded) {
        var fields = new LinkedHashMap<String, String>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int separator = pair.indexOf('=');
            String key = separator < 0 ? pair : pair.substring(0, separator);
            String value = separator < 0 ? "" : pair.substring(separator + 1);
            fields.putIfAbsent(decodeComponent(key), decodeComponent(value));
        }
        return fields;
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encodeComponent(field.getKey()) + "=" + encodeComponent(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String decodeComponent(String component) {
        return URLDecoder.decode(component, StandardCharsets.UTF_8);
    }

    private static String encodeComponent(String component) {
        return URLEncoder.encode(component, StandardCharsets.UTF_8);
    }
}
