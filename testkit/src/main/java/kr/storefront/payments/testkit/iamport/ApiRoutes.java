package kr.storefront.payments.testkit.iamport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Maps a method and a raw path to an {@link Endpoint} and its decoded path variables. */
final class ApiRoutes {

    record Match(Endpoint endpoint, Map<String, String> pathVariables) {
    }

    private ApiRoutes() {
    }

    static Optional<Match> match(String method, String rawPath) {
        // split the raw path so an encoded "/" inside a merchant_uid stays inside its segment
        String[] segments = trimSlashes(rawPath).split("/");
        for (Endpoint endpoint : Endpoint.values()) {
            if (!endpoint.method().equals(method)) {
                continue;
            }
            for (String template : endpoint.pathTemplates()) {
                Optional<Map<String, String>> variables = bind(trimSlashes(template).split("/"), segments);
                if (variables.isPresent()) {
                    return Optional.of(new Match(endpoint, variables.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Map<String, String>> bind(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return Optional.empty();
        }
        var variables = new LinkedHashMap<String, String>();
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return Optional.empty();
                }
                variables.put(part.substring(1, part.length() - 1), FormCodec.decodeComponent(segments[i]));
            } else if (!part.equals(segments[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
