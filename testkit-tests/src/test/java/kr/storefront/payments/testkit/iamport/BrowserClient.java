package kr.storefront.payments.testkit.iamport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a storefront page and the sandbox's window page send to the sandbox's browser endpoints, over real
 * HTTP and without a browser: the calls iamport.js and window.html make, with the page's Origin header.
 */
final class BrowserClient {

    static final String STOREFRONT_ORIGIN = "http://shop.localhost:8080";

    /** One answer; {@code json} is null unless the body was JSON. */
    record Reply(int status, HttpResponse<String> response, JsonNode json) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String body() {
            return response.body();
        }

        String text(String field) {
            JsonNode value = json.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    private final IamportSandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    BrowserClient(IamportSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** iamport.js's {@code POST /window/sessions}, from a PC browser, after {@code IMP.init} with the sandbox's code. */
    Reply open(Map<String, Object> params) throws IOException {
        return open(params, "pc");
    }

    Reply open(Map<String, Object> params, String device) throws IOException {
        return open(sandbox.credentials().impCode(), params, device);
    }

    Reply open(String impCode, Map<String, Object> params, String device) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("imp_code", impCode);
        body.put("params", params);
        body.put("device", device);
        return postJson("/window/sessions", body, STOREFRONT_ORIGIN);
    }

    /** Opens a window that must open, and returns its session id. */
    String openOk(Map<String, Object> params, String device) throws IOException {
        Reply reply = open(params, device);
        if (reply.status() != 201) {
            throw new AssertionError("window did not open: HTTP " + reply.status() + " " + reply.body());
        }
        return reply.text("session_id");
    }

    /** The window page's {@code POST /window/sessions/{id}/complete}, same-origin with the sandbox. */
    Reply complete(String sessionId, Map<String, Object> action) throws IOException {
        return postJson("/window/sessions/" + sessionId + "/complete", action, sandbox.baseUrl().toString());
    }

    Reply complete(String sessionId, String outcome) throws IOException {
        return complete(sessionId, Map.of("outcome", outcome));
    }

    Reply get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Origin", STOREFRONT_ORIGIN).GET());
    }

    /** A CORS preflight as Chrome sends it before a JSON POST from another origin. */
    Reply preflight(String path, String method) throws IOException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Origin", STOREFRONT_ORIGIN)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    Reply postJson(String path, Object body, String origin) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SandboxApiClient.JSON.writeValueAsString(body)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    private URI uri(String path) {
        return URI.create(sandbox.baseUrl() + path);
    }

    private Reply send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            return new Reply(response.statusCode(), response, json ? SandboxApiClient.json(response.body()) : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
