package kr.storefront.payments.iamport.client;

import io.micronaut.context.BeanContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.discovery.exceptions.NoAvailableServiceException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClientRegistry;
import io.micronaut.http.client.exceptions.NoHostException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.iamport.IamportCallMetrics;
import kr.storefront.payments.core.iamport.IamportException;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.json.TolerantJson;
import kr.storefront.payments.core.secrets.InvalidSecretException;
import kr.storefront.payments.core.secrets.SecretUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one call through the declarative client of its kind and returns the raw answer, whatever its
 * status, on the caller's thread.
 *
 * <p>Its one job besides that is to tell the two kinds of network failure apart: a request that
 * certainly never left (connect refused or timed out, unknown host, nowhere to send) and one that was
 * sent but not answered (read timeout, reset). Only the first is safe to repeat for a charge, so
 * nothing here repeats a request. Bodies are never logged: they carry card data, buyer contact and
 * tokens.
 *
 * <p>Connection reuse has a limit: a Lambda environment is frozen between invocations, so i'mport may
 * close an idle connection while nothing in this process can notice, and a POST (prepare, cancel,
 * charge) sent on it fails without being safe to repeat. {@code java.net.http} drops a pooled
 * connection as soon as its selector thread reads the server's close, but after a thaw that thread
 * and the caller race, and its keep-alive limit is one global setting checked on that thread only.
 * So when a kind of call has been idle longer than {@code iamport.connection-reuse-window}, its
 * client is discarded before the next call, which opens a new connection on a new client
 * ({@code 0s}: a new client, so a new connection, for every call).
 */
@Singleton
final class IamportExchange {

    /** Which client, hence which read timeout and pool, a call goes through. */
    enum CallKind { STANDARD, CHARGE }

    private static final Logger LOG = LoggerFactory.getLogger(IamportExchange.class);
    private static final Argument<Envelope<WirePayloads.Payment>> WARM_UP_ANSWER = Envelope.of(WirePayloads.Payment.class);

    private final List<IamportCallGate> gates;
    private final List<IamportCallMetrics> metrics; // none in the client's own tests
    private final ReusableClient standard;
    private final ReusableClient charges;

    private final BeanContext beans;
    private final HttpClientRegistry<?> registry;
    private final JsonMapper answers;

    IamportExchange(IamportClients.Standard standard, IamportClients.Charges charges,
                    IamportConfiguration configuration, List<IamportCallGate> gates, List<IamportCallMetrics> metrics,
                    BeanContext beans, HttpClientRegistry<?> registry, JsonMapper json) {
        this.answers = TolerantJson.of(json); // i'mport's answers: see TolerantJson
        long windowMillis = configuration.connectionReuseWindow().toMillis();
        this.gates = List.copyOf(gates);
        this.metrics = List.copyOf(metrics);
        this.beans = beans;
        this.registry = registry;
        this.standard = new ReusableClient(standard, standard, windowMillis);
        this.charges = new ReusableClient(charges, charges, windowMillis);
    }

    /** One call of {@link IamportV1} on the client it is given. */
    interface Call extends Function<IamportV1, CompletableFuture<HttpResponse<byte[]>>> {
    }

    /**
     * Sends the call and reads the answer's envelope, once, as {@code type}.
     *
     * @throws IamportUnavailableException on a network failure, with {@code requestSent} false only
     *                                     when the request cannot have reached i'mport
     */
    <T> IamportAnswer<T> send(String operation, CallKind kind, Argument<Envelope<T>> type, Call call) {
        for (IamportCallGate gate : gates) {
            gate.check(operation);
        }
        return exchange(operation, kind, type, call);
    }

    private <T> IamportAnswer<T> exchange(String operation, CallKind kind, Argument<Envelope<T>> type, Call call) {
        ReusableClient client = kind == CallKind.CHARGE ? charges : standard;
        long started = System.nanoTime();
        IamportV1 api = client.beforeCall();
        HttpResponse<byte[]> response;
        try {
            response = await(operation, call.apply(api), started);
        } finally {
            client.afterCall();
            if (!IamportClients.WarmUpRoute.active()) {
                long elapsed = elapsedMillis(started);
                metrics.forEach(metric -> metric.iamportCall(operation, elapsed));
            }
        }
        if (!IamportClients.WarmUpRoute.active()) {
            LOG.info("iamport {} -> HTTP {} in {} ms", operation, response.code(), elapsedMillis(started));
        }
        return new IamportAnswer<>(response.code(), envelope(response, type));
    }

    /**
     * Builds the {@code java.net.http} client of each call kind now, as the first call would: in a
     * SnapStart snapshot it is then built already, with its TLS context (the JDK's trust store read)
     * and selector thread, and holds no connection.
     */
    void buildClients() {
        for (Class<?> client : List.of(IamportClients.Standard.class, IamportClients.Charges.class)) {
            registry.getClient(beans.getBeanDefinition(client).getAnnotationMetadata());
        }
    }

    /**
     * Warm-up only: the call through the real client of its kind, the way {@link #send} makes it but
     * without asking the gates (which refuse every call while priming), to the loopback responder
     * {@code loopback}. {@link #resetAfterWarmUp} must follow.
     */
    void sendWarmUp(URI loopback, CallKind kind, Call call) {
        IamportClients.WarmUpRoute.run(loopback, () -> exchange("warmUp", kind, WARM_UP_ANSWER, call));
    }

    /** Discards both clients, with their loopback connections, and builds them again: none is left for a snapshot. */
    void resetAfterWarmUp() {
        standard.reset();
        charges.reset();
        buildClients();
    }

    @Nullable
    private <T> Envelope<T> envelope(HttpResponse<byte[]> response, Argument<Envelope<T>> type) {
        byte[] body = response.getBody(byte[].class).orElse(null);
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return answers.readValue(body, type);
        } catch (IOException | RuntimeException e) {
            return null; // not an envelope of this shape: each caller decides what an unreadable answer means
        }
    }

    /** How often a client was discarded for a pause longer than the reuse window: observable for tests. */
    long discardedClients() {
        return standard.discarded + charges.discarded;
    }

    private static HttpResponse<byte[]> await(String operation, CompletableFuture<HttpResponse<byte[]>> answer, long started) {
        try {
            return answer.join();
        } catch (CompletionException | CancellationException e) {
            Throwable failure = e.getCause() == null ? e : e.getCause();
            if (failure instanceof IamportException || failure instanceof SecretUnavailableException
                    || failure instanceof InvalidSecretException) {
                throw (RuntimeException) failure; // ours, from the authorization filter (no token, no secret): already typed
            }
            if (failure instanceof Error error) {
                throw error;
            }
            boolean sent = !neverSent(failure);
            String cause = describe(failure);
            LOG.warn("iamport {} failed after {} ms ({}): {}", operation, elapsedMillis(started),
                    sent ? "request may have been processed" : "request not sent", cause);
            throw new IamportUnavailableException("i'mport " + operation + " failed: " + cause, sent, failure);
        }
    }

    /** True when the failure happened before any byte of the request can have reached the server. */
    static boolean neverSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // HttpConnectTimeoutException before its parent HttpTimeoutException, which is a read timeout
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
                    || cause instanceof NoHostException || cause instanceof NoAvailableServiceException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure and its causes, e.g. {@code HttpTimeoutException: request timed out}: the JDK often
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

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** One declarative client and when it was last used; wall-clock time, which a SnapStart restore keeps meaningful. */
    private static final class ReusableClient {

        private static final long NEVER = -1;

        private final IamportV1 api;
        private final Closeable closer;
        private final long windowMillis;
        private int inFlight;
        private long lastUsedMillis = NEVER;
        private volatile long discarded;

        ReusableClient(IamportV1 api, Closeable closer, long windowMillis) {
            this.api = api;
            this.closer = closer;
            this.windowMillis = windowMillis;
        }

        synchronized IamportV1 beforeCall() {
            if (inFlight == 0 && lastUsedMillis != NEVER && System.currentTimeMillis() - lastUsedMillis > windowMillis) {
                discard(closer);
                discarded++;
            }
            inFlight++;
            return api;
        }

        synchronized void afterCall() {
            inFlight--;
            lastUsedMillis = System.currentTimeMillis();
            if (windowMillis == 0 && inFlight == 0) {
                discard(closer);
                lastUsedMillis = NEVER;
            }
        }

        /** Discarded, and as if never used: the next call does not find it idle for long. */
        synchronized void reset() {
            discard(closer);
            lastUsedMillis = NEVER;
        }

        static void discard(Closeable client) {
            try {
                client.close(); // Micronaut drops the client; the next call builds a new one
            } catch (IOException e) {
                throw new IllegalStateException("cannot discard the i'mport client", e);
            }
        }
    }
}
