package kr.storefront.payments.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ in this process, in memory, on a free loopback port: the SQS API (queues, batches, visibility
 * timeouts, redrive to a dead-letter queue) for the rebill queue, with nothing to install.
 */
final class EmbeddedSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    private EmbeddedSqs(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    static EmbeddedSqs start() {
        int port = freePort();
        try {
            SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port)
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                    .withAWSRegion("ap-northeast-2").start();
            server.waitUntilStarted();
            return new EmbeddedSqs(server, URI.create("http://127.0.0.1:" + port));
        } catch (RuntimeException e) {
            throw new IllegalStateException("ElasticMQ (the local SQS) did not start: " + e.getMessage(), e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
