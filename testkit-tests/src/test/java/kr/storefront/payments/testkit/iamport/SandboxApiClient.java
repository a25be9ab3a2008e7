package kr.storefront.payments.testkit.iamport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A deliberately plain V1 client for tests: real HTTP, envelope kept raw, token fetched per call unless given. */
final class SandboxApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One HTTP answer; {@code body} is null when it was not JSON. */
    record Reply(int status, JsonNode body, String text) {

        int code() {
            return body.get("code").asInt();
        }

        String message() {
            return body.get("message").asText(null);
        }

        JsonNode response() {
            return body.get("response");
        }
    }

    private final IamportSandbox sandbox;
    private final HttpClient http;
    private final Duration timeout;

    SandboxApiClient(IamportSandbox sandbox) {
        this(sandbox, Duration.ofSeconds(10));
    }

    SandboxApiClient(IamportSandbox sandbox, Duration timeout) {
        this.sandbox = sandbox;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Reply getToken(String impKey, String impSecret) throws IOException {
        return postJson("/users/getToken", Map.of("imp_key", impKey, "imp_secret", impSecret), null);
    }

    String token() throws IOException {
        MerchantCredentials credentials = sandbox.credentials();
        Reply reply = getToken(credentials.impKey(), credentials.impSecret());
        return reply.response().get("access_token").asText();
    }

    Reply get(String pathAndQuery) throws IOException {
        return send(request(pathAndQuery, token()).GET());
    }

    Reply delete(String pathAndQuery) throws IOException {
        return send(request(pathAndQuery, token()).DELETE());
    }

    Reply postJson(String path, Map<String, ?> body) throws IOException {
        return postJson(path, body, token());
    }

    Reply postJson(String path, Map<String, ?> body, String token) throws IOException {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Reply postForm(String path, Map<String, String> body) throws IOException {
        return send(request(path, token()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(body))));
    }

    /** {@code authorization} is sent verbatim as the Authorization header when not null. */
    Reply getWithAuthorization(String pathAndQuery, String authorization) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(sandbox.baseUrl().resolve(pathAndQuery)).timeout(timeout).GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpRequest.Builder request(String pathAndQuery, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery)).timeout(timeout);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            return new Reply(response.statusCode(), json ? json(response.body()) : null, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
