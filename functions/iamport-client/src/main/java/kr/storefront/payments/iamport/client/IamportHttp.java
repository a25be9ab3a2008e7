package kr.storefront.payments.iamport.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import org.apache.http.HttpHeaders;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpDelete;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.NoConnectionReuseStrategy;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.pool.PoolStats;
import org.apache.http.util.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one HTTP request to i'mport and returns the raw answer, whatever its status.
 *
 * <p>Transport: Apache HttpClient 4.5, the library the AWS SDK's HTTP client already brings into the
 * bundle, used synchronously on the caller's thread (the JDK client handed each call to a selector
 * thread and an executor: about 2 ms of CPU in other threads per call, measured warm on the benchmark).
 *
 * <p>Its one job besides transport is to tell the two kinds of network failure apart: a request
 * that certainly never left (connect refused or timed out, unknown host, no pooled connection free)
 * and one that was sent but not answered (read timeout, reset). Only the first is safe to repeat for
 * a charge, so the client itself never repeats a request. Bodies are never logged: they carry card
 * data, buyer contact and tokens.
 *
 * <p>Connection reuse has a limit: a Lambda environment is frozen between invocations, so i'mport may
 * close an idle connection while nothing in this process can notice, and a POST (prepare, cancel,
 * charge) sent on it fails without being safe to repeat. So a connection is kept for reuse only for
 * {@code iamport.connection-reuse-window} after its last exchange; after a longer pause the next call
 * opens a new one ({@code 0s}: a connection per call). Within the window, a pooled connection is
 * probed for a close by the server before it is reused (a read of up to 1 ms): a charge sent on a
 * connection i'mport had already closed fails after leaving, an unknown outcome, where a new
 * connection gives a certain answer, or a certain "not attempted" when i'mport is down.
 */
@Singleton
final class IamportHttp {

    /** Which read timeout applies. */
    enum CallKind { STANDARD, CHARGE }

    /** The methods i'mport's V1 endpoints use. */
    enum Method { GET, POST, DELETE }

    /** At least the rebill function's highest {@code rebill.concurrency}, so no call waits for a connection. */
    private static final int MAX_CONNECTIONS = 64;
    /** Idle time after which a pooled connection is probed before reuse: any (HttpClient's default is 2 s). */
    private static final int PROBE_AFTER_IDLE_MILLIS = 1;

    private static final Logger LOG = LoggerFactory.getLogger(IamportHttp.class);

    private final JsonMapper json;
    private final RequestConfig standardCall;
    private final RequestConfig chargeCall;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final List<IamportCallGate> gates;

    IamportHttp(IamportConfiguration configuration, JsonMapper json, List<IamportCallGate> gates) {
        this.json = json;
        this.gates = List.copyOf(gates);
        int connectMillis = millis(configuration.connectTimeout());
        this.standardCall = RequestConfig.custom()
                .setConnectTimeout(connectMillis)
                .setConnectionRequestTimeout(connectMillis)
                .setSocketTimeout(millis(configuration.readTimeout()))
                .setRedirectsEnabled(false)
                .build();
        this.chargeCall = RequestConfig.copy(standardCall).setSocketTimeout(millis(configuration.chargeReadTimeout())).build();
        this.connections = new PoolingHttpClientConnectionManager();
        connections.setMaxTotal(MAX_CONNECTIONS);
        connections.setDefaultMaxPerRoute(MAX_CONNECTIONS);
        connections.setValidateAfterInactivity(PROBE_AFTER_IDLE_MILLIS);
        long reuseWindowMillis = configuration.connectionReuseWindow().toMillis();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(standardCall)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression();
        if (reuseWindowMillis > 0) {
            // the pool closes, instead of reusing, a connection whose keep-alive ran out since its last exchange
            builder.setKeepAliveStrategy((response, context) -> reuseWindowMillis);
        } else {
            builder.setConnectionReuseStrategy(NoConnectionReuseStrategy.INSTANCE);
        }
        // built during init: its classes are then in a SnapStart snapshot, which holds no connection
        // because nothing reaches i'mport before the first invocation
        this.client = builder.build();
    }

    /**
     * @throws IamportUnavailableException on a network failure, with {@code requestSent} false only
     *                                     when the request cannot have reached i'mport
     */
    RawResponse exchange(String operation, Method method, URI uri, @Nullable Object body,
                         @Nullable String accessToken, CallKind kind) {
        for (IamportCallGate gate : gates) {
            gate.check(operation);
        }
        HttpRequestBase request = request(method, uri, body, kind);
        if (accessToken != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        }
        long started = System.nanoTime();
        try (CloseableHttpResponse response = client.execute(request)) {
            int status = response.getStatusLine().getStatusCode();
            byte[] bytes = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            LOG.info("iamport {} {} {} -> HTTP {} in {} ms", operation, method, uri.getPath(), status, elapsedMillis(started));
            return new RawResponse(status, bytes);
        } catch (IOException e) {
            boolean sent = !neverSent(e);
            String cause = describe(e);
            LOG.warn("iamport {} {} {} failed after {} ms ({}): {}", operation, method, uri.getPath(), elapsedMillis(started),
                    sent ? "request may have been processed" : "request not sent", cause);
            throw new IamportUnavailableException("i'mport " + operation + " failed: " + cause, sent, e);
        }
    }

    /**
     * Warm-up only: a lookup and a JSON POST of each call kind to an in-process loopback responder,
     * then every pooled connection closed. The client, its connection code and our request building
     * are then warm in the snapshot, and the snapshot holds no connection.
     */
    void warmUpTransport(URI loopback) {
        if (!InetAddress.getLoopbackAddress().getHostAddress().equals(loopback.getHost())) {
            throw new IllegalStateException("transport warm-up goes to a loopback responder only");
        }
        try {
            for (CallKind kind : List.of(CallKind.STANDARD, CallKind.CHARGE)) {
                HttpRequestBase lookup = request(Method.GET, loopback.resolve("/priming"), null, kind);
                lookup.setHeader(HttpHeaders.AUTHORIZATION, "Bearer priming");
                HttpRequestBase post = request(Method.POST, loopback.resolve("/priming"),
                        new WirePayloads.PrepareRequest("ord_priming", 1000, "KRW"), kind);
                for (HttpRequestBase request : List.of(lookup, post)) {
                    try (CloseableHttpResponse response = client.execute(request)) {
                        EntityUtils.consume(response.getEntity());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            connections.closeIdleConnections(0, TimeUnit.MILLISECONDS);
        }
    }

    /** Connections open now, pooled or in use. */
    int openConnections() {
        PoolStats pool = connections.getTotalStats(); // one consistent reading of the pool
        return pool.getAvailable() + pool.getLeased();
    }

    @PreDestroy
    void close() throws IOException {
        client.close();
    }

    private HttpRequestBase request(Method method, URI uri, @Nullable Object body, CallKind kind) {
        HttpRequestBase request = switch (method) {
            case GET -> new HttpGet(uri);
            case DELETE -> new HttpDelete(uri);
            case POST -> {
                HttpPost post = new HttpPost(uri);
                if (body != null) {
                    post.setEntity(new ByteArrayEntity(serialize(body), ContentType.APPLICATION_JSON));
                }
                yield post;
            }
        };
        request.setConfig(kind == CallKind.CHARGE ? chargeCall : standardCall);
        request.setHeader(HttpHeaders.ACCEPT, ContentType.APPLICATION_JSON.getMimeType());
        return request;
    }

    private byte[] serialize(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            // our own request records: a failure here is a bug, not an outage
            throw new IllegalStateException("cannot serialize " + body.getClass().getSimpleName(), e);
        }
    }

    /** True when the failure happened before any byte of the request can have reached the server. */
    static boolean neverSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // ConnectTimeoutException also covers waiting for a pooled connection (ConnectionPoolTimeoutException)
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure and its causes, e.g. {@code SocketTimeoutException: Read timed out}: the JDK often
     * leaves messages empty, so class names carry the information.
     */
    private static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder();
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            if (description.length() > 0) {
                description.append(" <- ");
            }
            description.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                description.append(": ").append(cause.getMessage());
            }
        }
        return description.toString();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
