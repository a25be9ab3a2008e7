package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.priming.Priming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one HTTP request to i'mport and returns the raw answer, whatever its status.
 *
 * <p>Its one job besides transport is to tell the two kinds of network failure apart: a request
 * that certainly never left (connect refused or timed out, unknown host) and one that was sent but
 * not answered (read timeout, reset). Only the first is safe to repeat for a charge.
 * Bodies are never logged: they carry card data, buyer contact and tokens.
 */
@Singleton
final class IamportHttp {

    /** Which read timeout applies. */
    enum CallKind { STANDARD, CHARGE }

    private static final Logger LOG = LoggerFactory.getLogger(IamportHttp.class);

    private final KeptAliveClient standardClient;
    private final KeptAliveClient chargeClient;

    IamportHttp(@Client(configuration = StandardCallHttpConfiguration.class) HttpClient standardClient,
                @Client(configuration = ChargeCallHttpConfiguration.class) HttpClient chargeClient,
                IamportConfiguration configuration) {
        this.standardClient = new KeptAliveClient(standardClient, configuration.connectionReuseWindow());
        this.chargeClient = new KeptAliveClient(chargeClient, configuration.connectionReuseWindow());
    }

    /**
     * @throws IamportUnavailableException on a network failure, with {@code requestSent} false only
     *                                     when the request cannot have reached i'mport
     */
    RawResponse exchange(String operation, HttpMethod method, URI uri, @Nullable Object body,
                         @Nullable String accessToken, CallKind kind) {
        if (Priming.active()) {
            throw new IamportUnavailableException("i'mport is never called while priming", false, null);
        }
        MutableHttpRequest<Object> request = HttpRequest.create(method, uri.toString())
                .accept(MediaType.APPLICATION_JSON_TYPE);
        if (body != null) {
            request.body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (accessToken != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        }
        KeptAliveClient client = kind == CallKind.CHARGE ? chargeClient : standardClient;
        long started = System.nanoTime();
        BlockingHttpClient blocking = client.acquire();
        try {
            HttpResponse<byte[]> response = blocking.exchange(request, byte[].class);
            byte[] bytes = response.getBody(byte[].class).orElse(new byte[0]);
            LOG.info("iamport {} {} {} -> HTTP {} in {} ms", operation, method, uri.getPath(), response.code(), elapsedMillis(started));
            return new RawResponse(response.code(), bytes);
        } catch (HttpClientException e) {
            boolean sent = !neverSent(e);
            String cause = rootCause(e);
            LOG.warn("iamport {} {} {} failed after {} ms ({}): {}", operation, method, uri.getPath(), elapsedMillis(started),
                    sent ? "request may have been processed" : "request not sent", cause);
            throw new IamportUnavailableException("i'mport " + operation + " failed: " + cause, sent, e);
        } finally {
            client.release();
        }
    }

    /**
     * Priming only: a lookup and a JSON POST to an in-process loopback responder through the client of
     * each kind. The JDK client, Micronaut's codecs and our request building are then warm in the
     * snapshot, and no other client (no thread) is made for it.
     */
    void primeTransport(URI loopback) {
        if (!Priming.active() || !InetAddress.getLoopbackAddress().getHostAddress().equals(loopback.getHost())) {
            throw new IllegalStateException("transport priming goes to a loopback responder, while priming only");
        }
        for (KeptAliveClient client : List.of(standardClient, chargeClient)) {
            BlockingHttpClient primed = client.currentForPriming();
            primed.exchange(HttpRequest.GET(loopback.resolve("/priming").toString())
                    .accept(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.AUTHORIZATION, "Bearer priming"), byte[].class);
            primed.exchange(HttpRequest.POST(loopback.resolve("/priming").toString(),
                            (Object) new WirePayloads.PrepareRequest("ord_priming", 1000, "KRW"))
                    .contentType(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE), byte[].class);
        }
    }

    /** JDK clients started so far for {@code kind} (a new one after each idle pause longer than the reuse window). */
    long clientsStarted(CallKind kind) {
        return (kind == CallKind.CHARGE ? chargeClient : standardClient).clientsStarted();
    }

    /** True when the failure happened before any byte of the request can have reached the server. */
    static boolean neverSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
                    || cause instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The causes under the client's wrapper, e.g. {@code ConnectException <- ClosedChannelException}:
     * the JDK often leaves messages empty, so class names carry the information.
     */
    private static String rootCause(Throwable failure) {
        StringBuilder description = new StringBuilder();
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
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

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
