package kr.storefront.payments.testkit.iamport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline: route, parse, armed latency, armed failure (nothing applied), token check, the
 * schema's parameter rules ({@link RequestRules}), the endpoint itself, journal, then armed hold or drop
 * (already applied), then the response.
 */
final class ApiExchangeHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExchangeHandler.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final Map<Integer, String> GATEWAY_REASONS =
            Map.of(502, "Bad Gateway", 503, "Service Unavailable", 504, "Gateway Timeout");

    private final Map<Endpoint, EndpointHandler> handlers;
    private final TokenService tokens;
    private final EndpointFaultPlan faults;
    private final RequestJournal journal;
    private final SandboxClock clock;
    private final RequestRules rules;

    ApiExchangeHandler(Map<Endpoint, EndpointHandler> handlers, TokenService tokens, EndpointFaultPlan faults,
                       RequestJournal journal, SandboxClock clock, RequestRules rules) {
        this.handlers = Map.copyOf(handlers);
        this.rules = rules;
        this.tokens = tokens;
        this.faults = faults;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (IOException e) {
            LOG.debug("Client went away before the response was sent: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // without sendResponseHeaders this closes the connection: that is how a response is dropped
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Optional<ApiRoutes.Match> route = ApiRoutes.match(method, path);
        if (route.isEmpty()) {
            ApiResponse notFound = ApiResponse.notFound("존재하지 않는 API입니다: " + method + " " + path);
            record(exchange, null, method, path, Map.of(), Map.of(), notFound.httpStatus(), notFound.code(), false);
            send(exchange, notFound);
            return;
        }
        Endpoint endpoint = route.get().endpoint();
        ApiRequest request;
        try {
            request = ApiRequest.read(exchange, route.get().pathVariables());
        } catch (InvalidRequestException e) {
            ApiResponse badRequest = ApiResponse.badRequest(e.getMessage());
            record(exchange, endpoint, method, path, Map.of(), Map.of(), badRequest.httpStatus(), badRequest.code(), false);
            send(exchange, badRequest);
            return;
        }

        Thread.sleep(faults.latency(endpoint).toMillis());
        OptionalInt failure = faults.takeFailure(endpoint);
        if (failure.isPresent()) {
            sendInjectedFailure(exchange, endpoint, request, failure.getAsInt());
            return;
        }
        if (endpoint != Endpoint.GET_TOKEN && request.accessToken().filter(tokens::isValid).isEmpty()) {
            ApiResponse unauthorized = ApiResponse.unauthorized();
            record(exchange, endpoint, request, unauthorized.httpStatus(), unauthorized.code(), false);
            send(exchange, unauthorized);
            return;
        }

        ApiResponse response = dispatch(endpoint, request);
        boolean drop = faults.takeDrop(endpoint);
        Optional<Duration> hold = drop ? Optional.empty() : faults.takeHold(endpoint);
        record(exchange, endpoint, request, response.httpStatus(), response.code(), drop);
        if (drop) {
            LOG.debug("Dropping the response to {} {} as armed", method, path);
            return;
        }
        if (hold.isPresent()) {
            Thread.sleep(hold.get().toMillis());
        }
        send(exchange, response);
    }

    private ApiResponse dispatch(Endpoint endpoint, ApiRequest request) {
        try {
            rules.check(endpoint, request);
            return handlers.get(endpoint).handle(request);
        } catch (InvalidRequestException e) {
            return ApiResponse.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Sandbox bug while handling {} {}", request.method(), request.path(), e);
            return ApiResponse.serverError(500, "sandbox internal error: " + e);
        }
    }

    /** 502-504 as a load balancer would send them (plain text); other statuses as an API envelope. */
    private void sendInjectedFailure(HttpExchange exchange, Endpoint endpoint, ApiRequest request, int status)
            throws IOException {
        if (status >= 502 && status <= 504) {
            record(exchange, endpoint, request, status, null, false);
            byte[] body = (status + " " + GATEWAY_REASONS.get(status) + " (injected by the i'mport sandbox)")
                    .getBytes(StandardCharsets.UTF_8);
            send(exchange, status, "text/plain; charset=utf-8", body);
        } else {
            ApiResponse failure = ApiResponse.serverError(status, "injected by the i'mport sandbox");
            record(exchange, endpoint, request, status, failure.code(), false);
            send(exchange, failure);
        }
    }

    private void record(HttpExchange exchange, Endpoint endpoint, ApiRequest request, int status, Integer code, boolean dropped) {
        record(exchange, endpoint, request.method(), request.path(), request.query(), request.params().asMap(), status, code, dropped);
    }

    private void record(HttpExchange exchange, Endpoint endpoint, String method, String path, Map<String, String> query,
                        Map<String, Object> params, int status, Integer code, boolean dropped) {
        journal.record(new RecordedRequest(clock.instant(), endpoint, method, path, Redaction.query(query),
                Redaction.params(params), status, code, dropped, String.valueOf(exchange.getRemoteAddress())));
        LOG.debug("{} {} -> HTTP {} code {}{}", method, path, status, code, dropped ? " (dropped)" : "");
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        send(exchange, response.httpStatus(), JSON, response.body());
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
