package kr.storefront.payments.testkit.iamport;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves what a browser loads from the sandbox: {@code GET /v1/iamport.js}, the window page
 * {@code GET /window/{session}} and the window-session endpoints ({@link WindowSessionApi}). Unlike the
 * i'mport API (server to server, {@link ApiExchangeHandler}), these are used by a storefront page on another
 * origin, so every answer allows that origin and preflights are answered. They are not i'mport endpoints,
 * so the request journal and endpoint faults do not apply; the window's webhooks still go through
 * the webhook faults, since the window is run by the same {@code CheckoutWindow}.
 */
final class BrowserExchangeHandler implements HttpHandler {

    static final String SCRIPT_PATH = "/v1/iamport.js";
    static final String WINDOW_PREFIX = "/window/";
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(BrowserExchangeHandler.class);
    private static final byte[] SCRIPT = BrowserAssets.text("iamport.js").getBytes(StandardCharsets.UTF_8);

    private enum Route {
        SCRIPT("GET"), WINDOW_PAGE("GET"), OPEN_SESSION("POST"), COMPLETE_SESSION("POST");

        private final String method;

        Route(String method) {
            this.method = method;
        }
    }

    /** @param sessionId for the window page and completion, else null */
    private record Match(Route route, String sessionId) {
    }

    private final WindowSessions sessions;
    private final WindowSessionApi api;
    private final WindowPage page;

    BrowserExchangeHandler(WindowSessions sessions, WindowSessionApi api, WindowPage page) {
        this.sessions = sessions;
        this.api = api;
        this.page = page;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (IOException e) {
            LOG.debug("Browser went away before the response was sent: {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        allowOrigin(exchange.getResponseHeaders(), origin);
        Optional<Match> match = match(exchange.getRequestURI().getRawPath());
        if (match.isEmpty()) {
            send(exchange, BrowserResponse.error(404, "NOT_FOUND", "no such sandbox page: " + method + " "
                    + exchange.getRequestURI().getRawPath()));
            return;
        }
        Route route = match.get().route();
        if (method.equals("OPTIONS")) {
            answerPreflight(exchange, route);
            return;
        }
        if (!method.equals(route.method)) {
            exchange.getResponseHeaders().set("Allow", route.method + ", OPTIONS");
            send(exchange, BrowserResponse.error(405, "METHOD_NOT_ALLOWED", method + " is not allowed here"));
            return;
        }
        BrowserResponse response;
        try {
            response = dispatch(exchange, match.get(), origin);
        } catch (InvalidRequestException e) {
            response = BrowserResponse.error(400, WindowSessionApi.INVALID_REQUEST, e.getMessage());
        } catch (BodyTooLargeException e) {
            response = BrowserResponse.error(413, "BODY_TOO_LARGE", "request bodies are limited to " + MAX_BODY_BYTES + " bytes");
        } catch (RuntimeException e) {
            LOG.error("Sandbox bug while serving {} {}", method, route, e);
            response = BrowserResponse.error(500, "SANDBOX_ERROR", "sandbox internal error: " + e);
        }
        LOG.debug("{} {} -> HTTP {}", method, route, response.httpStatus());
        send(exchange, response);
    }

    private BrowserResponse dispatch(HttpExchange exchange, Match match, String origin) throws IOException {
        return switch (match.route()) {
            case SCRIPT -> BrowserResponse.javascript(SCRIPT);
            case WINDOW_PAGE -> page.render(sessions.find(match.sessionId()));
            case OPEN_SESSION -> api.open(readJson(exchange), origin);
            case COMPLETE_SESSION -> api.complete(match.sessionId(), readJson(exchange));
        };
    }

    /** Exact paths only: {@code /v1/iamport.js}, {@code /window/sessions[/{id}/complete]}, {@code /window/{id}}. */
    private static Optional<Match> match(String rawPath) {
        if (rawPath.equals(SCRIPT_PATH)) {
            return Optional.of(new Match(Route.SCRIPT, null));
        }
        if (!rawPath.startsWith(WINDOW_PREFIX)) {
            return Optional.empty();
        }
        String[] segments = rawPath.substring(WINDOW_PREFIX.length()).split("/", -1);
        if (segments.length == 1 && segments[0].equals("sessions")) {
            return Optional.of(new Match(Route.OPEN_SESSION, null));
        }
        if (segments.length == 3 && segments[0].equals("sessions") && !segments[1].isEmpty()
                && segments[2].equals("complete")) {
            return Optional.of(new Match(Route.COMPLETE_SESSION, segments[1]));
        }
        if (segments.length == 1 && !segments[0].isEmpty()) {
            return Optional.of(new Match(Route.WINDOW_PAGE, segments[0]));
        }
        return Optional.empty();
    }

    /** Reflecting the caller's Origin (or * without one) is enough: no cookies or credentials are involved. */
    private static void allowOrigin(Headers headers, String origin) {
        headers.set("Access-Control-Allow-Origin", origin == null ? "*" : origin);
        headers.set("Vary", "Origin");
    }

    private static void answerPreflight(HttpExchange exchange, Route route) throws IOException {
        Headers request = exchange.getRequestHeaders();
        Headers response = exchange.getResponseHeaders();
        response.set("Access-Control-Allow-Methods", route.method + ", OPTIONS");
        response.set("Access-Control-Allow-Headers", "Content-Type");
        response.set("Access-Control-Max-Age", "600");
        // Chrome's Private Network Access: a storefront on a non-loopback address calling the loopback sandbox
        if ("true".equalsIgnoreCase(request.getFirst("Access-Control-Request-Private-Network"))) {
            response.set("Access-Control-Allow-Private-Network", "true");
        }
        LOG.debug("OPTIONS {} -> HTTP 204", route);
        exchange.sendResponseHeaders(204, -1);
    }

    private static RequestParams readJson(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BodyTooLargeException();
        }
        return RequestParams.of(SandboxJson.readObject(body));
    }

    private static void send(HttpExchange exchange, BrowserResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(response.httpStatus(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException() {
            super(null, null, false, false);
        }
    }
}
