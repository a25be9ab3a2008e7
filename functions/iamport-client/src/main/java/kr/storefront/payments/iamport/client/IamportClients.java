package kr.storefront.payments.iamport.client;

import io.micronaut.discovery.ServiceInstance;
import io.micronaut.discovery.ServiceInstanceList;
import io.micronaut.http.client.HttpClientConfiguration;
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
 * up to {@code iamport.charge-read-timeout}). A third one exists only to warm the stack up against a
 * loopback responder before a SnapStart snapshot, and has nowhere to go otherwise.
 *
 * <p>Closing one ({@link Closeable#close()}) discards its {@code java.net.http} client and with it
 * every pooled connection: the next call builds a new one (see {@link IamportConnections}).
 */
final class IamportClients {

    static final String STANDARD = "iamport";
    static final String CHARGES = "iamport-charges";
    static final String WARM_UP = "iamport-warm-up";

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

    /** Sends only to the loopback responder {@link IamportWarmUp} points it at; to nothing otherwise. */
    @Client(id = WARM_UP, configuration = StandardCalls.class)
    interface WarmUp extends IamportV1, Closeable {
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
     * HTTP/1.1 (the JDK client's mode here), no redirects, no decompression, and every status answered
     * as a response: the envelope of a 4xx or 5xx is read like any other.
     */
    abstract static class Settings extends HttpClientConfiguration {

        private final ConnectionPoolConfiguration pool = new ConnectionPoolConfiguration();

        Settings(Duration connectTimeout, Duration readTimeout) {
            setConnectTimeout(connectTimeout);
            setReadTimeout(readTimeout);
            setFollowRedirects(false);
            setExceptionOnErrorStatus(false);
            setDecompressionEnabled(false);
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

    /** Empty, so a call fails before it is sent, except while {@link IamportWarmUp} points it at a loopback responder. */
    @Singleton
    static final class WarmUpTarget implements ServiceInstanceList {

        private volatile List<ServiceInstance> instances = List.of();

        void pointAt(URI loopback) {
            if (!InetAddress.getLoopbackAddress().getHostAddress().equals(loopback.getHost())) {
                throw new IllegalStateException("the warm-up client goes to a loopback responder only");
            }
            instances = List.of(ServiceInstance.of(WARM_UP, loopback));
        }

        void clear() {
            instances = List.of();
        }

        boolean pointed() {
            return !instances.isEmpty();
        }

        @Override
        public String getID() {
            return WARM_UP;
        }

        @Override
        public List<ServiceInstance> getInstances() {
            return instances;
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
            return instances;
        }

        @Override
        public Optional<String> getContextPath() {
            return contextPath;
        }
    }
}
