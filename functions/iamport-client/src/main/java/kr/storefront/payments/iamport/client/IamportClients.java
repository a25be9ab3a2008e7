package kr.storefront.payments.iamport.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.discovery.ServiceInstance;
import io.micronaut.discovery.ServiceInstanceList;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.HttpVersionSelection;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;
import java.io.Closeable;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.config.IamportConfiguration;

/**
 * The declarative clients of {@link IamportV1}, one per kind of call: each has its own
 * {@code java.net.http} client, connection pool and read timeout (a charge waits on the card company,
 * up to {@code iamport.charge-read-timeout}).
 *
 * <p>While a thread warms them up for a SnapStart snapshot ({@link WarmUpRoute}), that thread's calls
 * go to the loopback responder it names, and nowhere else; every other thread's still go to i'mport.
 * Closing a client ({@link Closeable#close()}) discards its {@code java.net.http} client and with it
 * every pooled connection: the next call builds a new one (see {@link IamportExchange}).
 */
final class IamportClients {

    static final String STANDARD = "iamport";
    static final String CHARGES = "iamport-charges";

    private IamportClients() {
    }

    /** Lookups, prepare, cancel, the token, billing-key lookups and deletion. */
    @Client(id = STANDARD, configuration = StandardCalls.class)
    interface Standard extends IamportV1, Closeable {
    }

    /** Calls that charge or authenticate a card: {@code again}, {@code onetime}, issuing a billing key. */
    @Client(id = CHARGES, configuration = ChargeCalls.class)
    interface Charges extends IamportV1, Closeable {
    }

    @Singleton
    static final class StandardCalls extends Settings {
        StandardCalls(IamportConfiguration iamport) {
            super(iamport.connectTimeout(), iamport.readTimeout());
        }
    }

    @Singleton
    static final class ChargeCalls extends Settings {
        ChargeCalls(IamportConfiguration iamport) {
            super(iamport.connectTimeout(), iamport.chargeReadTimeout());
        }
    }

    /**
     * HTTP/1.1 only, no redirects, no decompression, and every status answered as a response: the
     * envelope of a 4xx or 5xx is read like any other. Micronaut's default ALPN modes ({@code h2},
     * {@code http/1.1}) build the JDK client for HTTP/2, which then sends {@code Upgrade: h2c} on every
     * plain-http request; one request per connection at a time is all these calls need.
     */
    abstract static class Settings extends HttpClientConfiguration {

        private final ConnectionPoolConfiguration pool = new ConnectionPoolConfiguration();

        Settings(Duration connectTimeout, Duration readTimeout) {
            setConnectTimeout(connectTimeout);
            setReadTimeout(readTimeout);
            setFollowRedirects(false);
            setExceptionOnErrorStatus(false);
            setDecompressionEnabled(false);
            setAlpnModes(List.of(HttpVersionSelection.ALPN_HTTP_1));
        }

        @Override
        public ConnectionPoolConfiguration getConnectionPoolConfiguration() {
            return pool; // Netty's pool settings: the JDK client keeps its own pool
        }
    }

    /** Where {@link Standard} and {@link Charges} send: {@code iamport.base-url}. */
    @Singleton
    static final class StandardTarget extends Target {
        StandardTarget(IamportConfiguration iamport) {
            super(STANDARD, iamport.baseUrl());
        }
    }

    @Singleton
    static final class ChargeTarget extends Target {
        ChargeTarget(IamportConfiguration iamport) {
            super(CHARGES, iamport.baseUrl());
        }
    }

    /**
     * The loopback responder the current thread warms the clients up against, if any. Thread-confined
     * because the load balancer and the filters run on the calling thread: a call made meanwhile by any
     * other thread still goes to i'mport with a real token.
     */
    static final class WarmUpRoute {

        private static final ThreadLocal<URI> LOOPBACK = new ThreadLocal<>();

        private WarmUpRoute() {
        }

        /** Runs {@code calls} with this thread's i'mport calls sent to {@code loopback}, a loopback address only. */
        static void run(URI loopback, Runnable calls) {
            if (!InetAddress.getLoopbackAddress().getHostAddress().equals(loopback.getHost())) {
                throw new IllegalStateException("a warm-up goes to a loopback responder only");
            }
            LOOPBACK.set(loopback);
            try {
                calls.run();
            } finally {
                LOOPBACK.remove();
            }
        }

        static boolean active() {
            return LOOPBACK.get() != null;
        }

        @Nullable
        static URI loopback() {
            return LOOPBACK.get();
        }
    }

    /** The base URL as the client's service: its scheme, host and port, and its path as the context path. */
    static class Target implements ServiceInstanceList {

        private final String id;
        private final List<ServiceInstance> instances;
        private final Optional<String> contextPath;

        Target(String id, URI baseUrl) {
            this.id = id;
            this.instances = List.of(ServiceInstance.of(id, baseUrl.resolve("/")));
            String path = baseUrl.getRawPath();
            this.contextPath = path == null || path.isEmpty() || path.equals("/")
                    ? Optional.empty()
                    : Optional.of(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        }

        @Override
        public String getID() {
            return id;
        }

        @Override
        public List<ServiceInstance> getInstances() {
            URI loopback = WarmUpRoute.loopback();
            return loopback == null ? instances : List.of(ServiceInstance.of(id, loopback));
        }

        @Override
        public Optional<String> getContextPath() {
            return WarmUpRoute.active() ? Optional.empty() : contextPath;
        }
    }
}
