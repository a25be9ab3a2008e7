package kr.storefront.payments.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The Lambda Runtime API (the {@code 2018-06-01} endpoints a function's runtime polls), for one
 * function process: the real runtime interface client asks it for the next event and posts the
 * result, exactly as it does on Lambda. Its timestamps are the benchmark's measurements:
 * <ul>
 *   <li>init done: the first {@code GET /runtime/invocation/next}, i.e. the handler is constructed;</li>
 *   <li>SnapStart: {@code GET /runtime/restore/next} (the runtime ran the {@code beforeCheckpoint}
 *       hooks and waits to be snapshotted) is answered at once, as a restore;</li>
 *   <li>one invocation: from the event written to the runtime until its response arrives.</li>
 * </ul>
 */
final class LambdaRuntimeApiStub implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime";

    /** What the function answered to one event, and how long it took. */
    record Reply(Duration latency, String body, boolean error) { }

    private record Pending(String requestId, String event, CompletableFuture<Reply> reply, long[] sentAt) { }

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Pending> events = new LinkedBlockingQueue<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> initDone = new CompletableFuture<>();
    private final String functionArn;

    private LambdaRuntimeApiStub(HttpServer server, ExecutorService executor, String functionName) {
        this.server = server;
        this.executor = executor;
        this.functionArn = "arn:aws:lambda:ap-northeast-2:123456789012:function:" + functionName;
    }

    static LambdaRuntimeApiStub start(String functionName) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "runtime-api");
                thread.setDaemon(true);
                return thread;
            });
            LambdaRuntimeApiStub stub = new LambdaRuntimeApiStub(server, executor, functionName);
            server.createContext(PREFIX + "/", stub::handle);
            server.setExecutor(executor);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the runtime API stub", e);
        }
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Waits for the handler to be constructed; returns {@link System#nanoTime()} at that moment. */
    long awaitInitDone(Duration timeout, BooleanSupplier alive) throws TimeoutException {
        return await(initDone, timeout, alive, "the function's first request for an event");
    }

    /** Hands one event to the function and waits for its response. */
    Reply invoke(String event, Duration timeout, BooleanSupplier alive) throws TimeoutException {
        Pending pending = new Pending(UUID.randomUUID().toString(), event, new CompletableFuture<>(), new long[1]);
        events.add(pending);
        return await(pending.reply(), timeout, alive, "a response to invocation " + pending.requestId());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout, BooleanSupplier alive, String what)
            throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return future.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!alive.getAsBoolean()) {
                    throw new IllegalStateException("the function process exited while waiting for " + what);
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("no " + what + " within " + timeout);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrivedAt = System.nanoTime();
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        String body = read(exchange.getRequestBody());
        try {
            if ("GET".equals(method) && path.equals("/invocation/next")) {
                initDone.complete(arrivedAt);
                next(exchange);
            } else if ("GET".equals(method) && path.equals("/restore/next")) {
                respond(exchange, 200, ""); // the snapshot would be taken here; the same JVM goes on as the restored one
            } else if ("POST".equals(method) && path.startsWith("/invocation/") && path.endsWith("/response")) {
                complete(path, body, false, arrivedAt);
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if ("POST".equals(method) && path.startsWith("/invocation/") && path.endsWith("/error")) {
                complete(path, body, true, arrivedAt);
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if ("POST".equals(method) && (path.equals("/init/error") || path.equals("/restore/error"))) {
                IllegalStateException failure = new IllegalStateException("the function failed to start: " + body);
                initDone.completeExceptionally(failure);
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"no such runtime API route\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private void next(HttpExchange exchange) throws IOException, InterruptedException {
        Pending pending = events.take();
        inFlight.put(pending.requestId(), pending);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", pending.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 29_000));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        pending.sentAt()[0] = System.nanoTime();
        respond(exchange, 200, pending.event());
    }

    private void complete(String path, String body, boolean error, long arrivedAt) {
        String requestId = path.substring("/invocation/".length(), path.lastIndexOf('/'));
        Pending pending = inFlight.remove(requestId);
        if (pending != null) {
            pending.reply().complete(new Reply(Duration.ofNanos(arrivedAt - pending.sentAt()[0]), body, error));
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
