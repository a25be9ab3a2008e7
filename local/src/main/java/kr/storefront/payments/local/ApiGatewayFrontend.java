package kr.storefront.payments.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does API Gateway's part on 127.0.0.1: matches the template's routes, runs the route's authorizer
 * (JWT: tokens minted by {@link LocalJwt}; IAM: a SigV4 {@code Authorization} header, whose
 * signature is not checked locally), builds the payload 2.0 event (form and binary bodies
 * base64-encoded, as HTTP APIs send them), answers CORS preflights, and writes the function's
 * response back. Also serves the demo storefront and two local helpers ({@code /local/token},
 * {@code /local/rebill}).
 */
final class ApiGatewayFrontend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayFrontend.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIGV4_CREDENTIAL = Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/");
    private static final String LOCAL_ACCOUNT_USER = "arn:aws:iam::000000000000:user/";
    /** The principal README's local session signs as ({@code --user local:local}): the local AdminPrincipalArns. */
    static final String LOCAL_ADMIN_ARN = LOCAL_ACCOUNT_USER + "local";

    private final HttpServer server;
    private final ExecutorService workers;
    private final RouteTable routes;
    private final List<String> corsOrigins;
    private final List<String> corsExposeHeaders;
    private volatile LocalServices services;

    /** What the frontend hands requests to once the functions are up. */
    interface LocalServices {
        FunctionRuntime functions();

        LocalJwt tokens();

        DemoSite demo();

        String runRebill();

        /** Where the pieces are, for scripts: {@code GET /local/info}. */
        Map<String, String> info();
    }

    private ApiGatewayFrontend(HttpServer server, ExecutorService workers, SamTemplate template) {
        this.server = server;
        this.workers = workers;
        this.routes = new RouteTable(template.routes());
        // StorefrontOrigins is required and has no default: locally, the local stack's own origin (the demo page)
        this.corsOrigins = template.corsOrigins().isEmpty()
                ? List.of("http://127.0.0.1:" + server.getAddress().getPort(), "http://localhost:" + server.getAddress().getPort())
                : template.corsOrigins();
        this.corsExposeHeaders = template.corsExposeHeaders();
    }

    /** Binds the port first, so the functions can be configured with the final URL. */
    static ApiGatewayFrontend bind(int port, SamTemplate template) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
            ExecutorService workers = Executors.newFixedThreadPool(16);
            server.setExecutor(workers);
            ApiGatewayFrontend frontend = new ApiGatewayFrontend(server, workers, template);
            server.createContext("/", frontend::handle);
            return frontend;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void start(LocalServices localServices) {
        this.services = localServices;
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/demo") || path.startsWith("/demo/")) {
                services.demo().serve(exchange);
            } else if (path.equals("/local/token")) {
                issueToken(exchange);
            } else if (path.equals("/local/info")) {
                send(exchange, 200, "application/json", JSON.writeValueAsString(services.info()));
            } else if (path.equals("/local/rebill") && method.equals("POST")) {
                send(exchange, 200, "application/json", services.runRebill());
            } else if (method.equals("OPTIONS") && routes.knowsPath(path)) {
                preflight(exchange);
            } else {
                invoke(exchange, method, path);
            }
        } catch (RuntimeException e) {
            LOG.error("local stack failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}");
        }
    }

    private void invoke(HttpExchange exchange, String method, String path) throws IOException {
        Optional<RouteTable.Match> match = routes.match(method, path);
        if (match.isEmpty()) {
            send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}"); // API Gateway's own answer
            return;
        }
        SamTemplate.HttpRoute route = match.get().route();
        HttpApiEvent event = event(exchange, method, path, route);
        switch (route.authorization()) {
            case JWT -> {
                Optional<Map<String, String>> claims = services.tokens().validate(header(exchange, "Authorization"));
                if (claims.isEmpty()) {
                    send(exchange, 401, "application/json", "{\"message\":\"Unauthorized\"}");
                    return;
                }
                event.jwtClaims(claims.get());
            }
            case IAM -> {
                Matcher credential = SIGV4_CREDENTIAL.matcher(String.valueOf(header(exchange, "Authorization")));
                if (!credential.find()) {
                    send(exchange, 403, "application/json", "{\"message\":\"Forbidden\"}");
                    return;
                }
                event.signedByIam(LOCAL_ACCOUNT_USER + credential.group(1));
            }
            case NONE -> { }
        }
        APIGatewayV2HTTPResponse response = services.functions().invokeHttp(route.functionId(), event.build());
        writeResponse(exchange, response);
    }

    private HttpApiEvent event(HttpExchange exchange, String method, String path, SamTemplate.HttpRoute route) throws IOException {
        HttpApiEvent event = HttpApiEvent.request(method, path)
                .sourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .domainName("127.0.0.1:" + server.getAddress().getPort());
        event.build().setRouteKey(route.method() + " " + route.path());
        event.build().getRequestContext().setRouteKey(route.method() + " " + route.path());
        event.withoutHeader("content-type").withoutHeader("accept").withoutHeader("user-agent");
        exchange.getRequestHeaders().forEach((name, values) -> event.header(name, String.join(",", values)));
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                event.query(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (body.length > 0) {
            String contentType = String.valueOf(header(exchange, "Content-Type")).toLowerCase(Locale.ROOT);
            boolean text = contentType.startsWith("application/json") || contentType.startsWith("text/");
            String content = new String(body, StandardCharsets.UTF_8);
            if (text) {
                event.body(content);
            } else {
                event.base64Body(content);
            }
        }
        return event;
    }

    private void writeResponse(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        // payload 2.0: headers and cookies, never multiValueHeaders (1.0 only), as API Gateway maps them
        HttpApiResponseMapping.headers(response).forEach(line -> exchange.getResponseHeaders().add(line.getKey(), line.getValue()));
        cors(exchange);
        if (!corsExposeHeaders.isEmpty() && exchange.getResponseHeaders().containsKey("Access-Control-Allow-Origin")) {
            exchange.getResponseHeaders().set("Access-Control-Expose-Headers", String.join(", ", corsExposeHeaders));
        }
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** {@code POST /local/token {"sub": "alice"}} (or {@code ?sub=alice}): a customer token for JWT routes. */
    private void issueToken(HttpExchange exchange) throws IOException {
        String subject = null;
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.startsWith("sub=")) {
            subject = decode(query.substring(4));
        } else {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if (body.length > 0) {
                    subject = JSON.readTree(body).path("sub").asText(null);
                }
            }
        }
        if (subject == null || subject.isBlank()) {
            send(exchange, 400, "application/json", "{\"message\":\"give sub, e.g. {\\\"sub\\\":\\\"alice\\\"}\"}");
            return;
        }
        String token = services.tokens().mint(subject, Duration.ofHours(12));
        send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("token", token, "sub", subject,
                "issuer", services.tokens().issuer(), "audience", LocalJwt.AUDIENCE)));
    }

    private void preflight(HttpExchange exchange) throws IOException {
        cors(exchange);
        exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
        exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "authorization, content-type, idempotency-key");
        exchange.getResponseHeaders().add("Access-Control-Max-Age", "600");
        exchange.sendResponseHeaders(204, -1);
    }

    private void cors(HttpExchange exchange) {
        String origin = header(exchange, "Origin");
        if (origin != null && (corsOrigins.contains("*") || corsOrigins.contains(origin))) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", corsOrigins.contains("*") ? "*" : origin);
        }
    }

    private static String header(HttpExchange exchange, String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
