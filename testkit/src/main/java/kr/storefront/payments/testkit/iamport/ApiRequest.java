package kr.storefront.payments.testkit.iamport;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed API call. POST bodies may be JSON or form-encoded, as at i'mport; without a Content-Type
 * the body is sniffed.
 *
 * @param authorization the Authorization header, or null
 * @param jsonBody      the body was JSON, so its values carry JSON types (a form body's are all text)
 */
record ApiRequest(
        String method,
        String path,
        Map<String, String> pathVariables,
        Map<String, String> query,
        RequestParams params,
        String authorization,
        boolean jsonBody) {

    static ApiRequest read(HttpExchange exchange, Map<String, String> pathVariables) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        boolean json = isJson(contentType, body);
        return new ApiRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                pathVariables,
                FormCodec.decode(exchange.getRequestURI().getRawQuery()),
                RequestParams.of(parseBody(json, body)),
                exchange.getRequestHeaders().getFirst("Authorization"),
                json);
    }

    String pathVariable(String name) {
        return pathVariables.get(name);
    }

    Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name)).filter(value -> !value.isBlank());
    }

    boolean queryFlag(String name) {
        return queryParam(name).map(Boolean::parseBoolean).orElse(false);
    }

    /** The token from {@code Bearer <token>} or, as the official Java and Python clients send it, a bare token. */
    Optional<String> accessToken() {
        return Optional.ofNullable(authorization)
                .map(String::strip)
                .map(value -> value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : value)
                .filter(value -> !value.isEmpty());
    }

    private static boolean isJson(String contentType, byte[] body) {
        return contentType.startsWith("application/json") || (!contentType.startsWith("application/x-www-form-urlencoded")
                && new String(body, StandardCharsets.UTF_8).strip().startsWith("{"));
    }

    private static Map<String, Object> parseBody(boolean json, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return Map.of();
        }
        return json ? SandboxJson.readObject(body) : new LinkedHashMap<>(FormCodec.decode(text));
    }
}
