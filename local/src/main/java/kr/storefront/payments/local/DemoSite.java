package kr.storefront.payments.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The demo storefront ({@code /demo}): static pages from {@code demo/} on the classpath, plus a
 * generated {@code config.js} telling the page where the API and the i'mport script are. Locally the
 * script is the sandbox's stand-in; pointed at a deployed stack (query {@code ?api=&iamport=}) the
 * same page uses the real {@code https://cdn.iamport.kr/v1/iamport.js}.
 */
final class DemoSite {

    private static final Map<String, String> FILES = Map.of(
            "/demo/", "demo/index.html",
            "/demo/result", "demo/result.html",
            "/demo/app.js", "demo/app.js",
            "/demo/style.css", "demo/style.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final URI iamportScript;

    DemoSite(URI iamportScript) {
        this.iamportScript = iamportScript;
    }

    URI iamportScript() {
        return iamportScript;
    }

    void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/demo")) {
            // the pages use relative URLs, which resolve against /demo/ only
            String query = exchange.getRequestURI().getRawQuery();
            exchange.getResponseHeaders().set("Location", "/demo/" + (query == null ? "" : "?" + query));
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        if (path.equals("/demo/config.js")) {
            ApiGatewayFrontend.send(exchange, 200, TYPES.get("js"), "window.DEMO_CONFIG = {\n  apiBase: \"\",\n  iamportScript: \""
                    + iamportScript + "\",\n  localTokens: true\n};\n");
            return;
        }
        String resource = FILES.get(path);
        if (resource == null) {
            ApiGatewayFrontend.send(exchange, 404, "text/plain", "no such demo page");
            return;
        }
        try (InputStream in = DemoSite.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            String extension = resource.substring(resource.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            ApiGatewayFrontend.send(exchange, 200, TYPES.get(extension), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
