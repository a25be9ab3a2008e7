package kr.storefront.payments.http.testing;

import kr.storefront.payments.testkit.apigateway.HttpApiEvent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback HTTP server in front of a function, doing API Gateway's part: each request becomes a
 * payload 2.0 event (form bodies base64-encoded, as HTTP APIs send them; the caller's address as
 * source IP). Lets the i'mport sandbox deliver real webhooks to a function under test.
 */
public final class LambdaHttpBridge implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;

    private LambdaHttpBridge(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    public static LambdaHttpBridge start(Function<HttpApiEvent, HttpApiResponse> function) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            ExecutorService workers = Executors.newFixedThreadPool(8);
            server.setExecutor(workers);
            server.createContext("/", exchange -> forward(exchange, function));
            server.start();
            return new LambdaHttpBridge(server, workers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private static void forward(HttpExchange exchange, Function<HttpApiEvent, HttpApiResponse> function) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            HttpApiEvent event = HttpApiEvent.request(exchange.getRequestMethod(), uri.getRawPath())
                    .sourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] parts = pair.split("=", 2);
                    event.query(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
                }
            }
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                event.header(header.getKey(), String.join(",", header.getValue()));
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String text = new String(body, StandardCharsets.UTF_8);
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                event.base64Body(text);
            } else if (body.length > 0) {
                event.body(text);
            }
            HttpApiResponse response = function.apply(event);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] answer = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
