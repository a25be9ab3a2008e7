package kr.storefront.payments.local;

import com.amazonaws.services.dynamodbv2.local.monitoring.Telemetry;
import com.amazonaws.services.dynamodbv2.local.monitoring.TelemetryUtil;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * AWS's DynamoDB Local, in this process, in memory, on a free loopback port: the same engine
 * LocalStack runs, with atomic conditional writes. Its SQLite engine is native and is found
 * through the {@code sqlite4java.library.path} system property. It is assembled here as its
 * {@code ServerRunner} does for {@code -inMemory -disableTelemetry}, with a request handler that also
 * sums the time spent answering, so a benchmark can tell DynamoDB's share from the caller's.
 */
final class EmbeddedDynamoDb implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final TimedHandler handler;
    private final URI endpoint;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, TimedHandler handler, URI endpoint) {
        this.server = server;
        this.handler = handler;
        this.endpoint = endpoint;
    }

    static EmbeddedDynamoDb start() {
        if (System.getProperty("sqlite4java.library.path") == null) {
            throw new IllegalStateException("set -Dsqlite4java.library.path to the folder holding libsqlite4java "
                    + "(the build copies it to local/target/native-libs)");
        }
        int port = freePort();
        try {
            Telemetry.configureTelemetry(TelemetryUtil.SETUP_TYPE.MAVEN.name(), TelemetryUtil.SETUP_MODE.IN_MEMORY.name(), false);
            // port 0: the request handler's own port setting only matters to ServerRunner's banner
            TimedHandler handler = new TimedHandler(new LocalDynamoDBRequestHandler(0, true, null, false, false));
            DynamoDBProxyServer server = new DynamoDBProxyServer(port, handler);
            server.start();
            return new EmbeddedDynamoDb(server, handler, URI.create("http://127.0.0.1:" + port));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start: " + e.getMessage(), e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** Time spent answering requests so far, summed: DynamoDB's own latency in a measurement. */
    Duration busyTime() {
        return Duration.ofNanos(handler.busyNanos.get());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping at exit; nothing useful to do
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DynamoDB Local's HTTP handler, timed: it reads, executes and writes each request before returning. */
    private static final class TimedHandler extends LocalDynamoDBServerHandler {

        private final AtomicLong busyNanos = new AtomicLong();

        TimedHandler(LocalDynamoDBRequestHandler requests) {
            super(requests, null);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            long started = System.nanoTime();
            try {
                return super.handle(request, response, callback);
            } finally {
                busyNanos.addAndGet(System.nanoTime() - started);
            }
        }
    }
}
