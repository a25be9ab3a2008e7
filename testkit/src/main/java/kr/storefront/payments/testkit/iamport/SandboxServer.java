package kr.storefront.payments.testkit.iamport;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK HTTP server on a free loopback port. A cached thread pool lets concurrent calls and held
 * responses ({@code timeoutAfterApply}) proceed without blocking each other. Each handler serves a
 * context path; a request goes to the handler with the longest matching path prefix.
 */
final class SandboxServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final LongAdder busyNanos;

    private SandboxServer(HttpServer server, ExecutorService executor, LongAdder busyNanos) {
        this.server = server;
        this.executor = executor;
        this.busyNanos = busyNanos;
    }

    static SandboxServer start(Map<String, HttpHandler> handlersByContextPath) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(new DaemonThreads("iamport-sandbox-http"));
            LongAdder busyNanos = new LongAdder();
            handlersByContextPath.forEach((path, handler) -> server.createContext(path, exchange -> {
                long started = System.nanoTime();
                try {
                    handler.handle(exchange);
                } finally {
                    busyNanos.add(System.nanoTime() - started);
                }
            }));
            server.setExecutor(executor);
            server.start();
            return new SandboxServer(server, executor, busyNanos);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the i'mport sandbox", e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Time spent answering requests so far (injected latency included), summed over all requests. */
    Duration busyTime() {
        return Duration.ofNanos(busyNanos.sum());
    }

    /** Stops at once; held responses are interrupted. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
