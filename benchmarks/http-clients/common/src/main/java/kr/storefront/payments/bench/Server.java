package kr.storefront.payments.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The loopback API, run in its own JVM so its CPU is not counted in a client's: HTTP/1.1 with
 * keep-alive on 127.0.0.1, every request answered 200 with {@link Payloads#PAYMENT_JSON}. Prints
 * {@code PORT n} and serves until its standard input closes.
 */
public final class Server {

    private Server() {
    }

    public static void main(String[] args) throws IOException {
        // the JDK server writes headers and body separately: without TCP_NODELAY, Nagle + delayed ACK add 40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", Server::answer);
        server.start();
        System.out.println("PORT " + server.getAddress().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the runner closes our stdin (or dies)
        }
        server.stop(0);
        System.exit(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, Payloads.PAYMENT_JSON.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(Payloads.PAYMENT_JSON);
        }
    }
}
