package kr.storefront.payments.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** A browser's view of the local stack and the sandbox's window, for tests that need no browser. */
final class LocalApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalStack stack;

    LocalApi(LocalStack stack) {
        this.stack = stack;
    }

    record Answer(int status, JsonNode body) { }

    Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUrl().resolve(path)).GET();
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return send(request);
    }

    Answer post(String path, String json, String token) {
        return post(stack.baseUrl().resolve(path), json, token);
    }

    String token(String subject) {
        return post("/local/token", "{\"sub\":\"" + subject + "\"}", null).body().path("token").asText();
    }

    /** The buyer clicks "pay" in the sandbox's window for these checkout parameters (PC mode); returns the window's rsp. */
    JsonNode payInWindow(JsonNode checkout) {
        var open = JSON.createObjectNode().put("imp_code", checkout.path("imp_code").asText()).put("device", "pc");
        open.set("params", checkout.path("params"));
        Answer session = post(stack.sandboxUrl().resolve("/window/sessions"), open.toString(), null);
        String sessionId = session.body().path("session_id").asText();
        return post(stack.sandboxUrl().resolve("/window/sessions/" + sessionId + "/complete"), "{\"outcome\":\"pay\"}", null)
                .body().path("rsp");
    }

    private Answer post(URI url, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("content-type", "application/json").header("idempotency-key", UUID.randomUUID().toString());
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
