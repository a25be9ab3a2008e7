package kr.storefront.payments.bench.declarative;

import io.micronaut.http.client.HttpClientConfiguration;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/** The API's client settings: 10 s read timeout, no redirects, error statuses as responses, HTTP/1.1. */
@Singleton
public final class ApiClientConfiguration extends HttpClientConfiguration {

    private final ConnectionPoolConfiguration pool = new ConnectionPoolConfiguration();

    public ApiClientConfiguration() {
        setReadTimeout(Duration.ofSeconds(10));
        setConnectTimeout(Duration.ofSeconds(3));
        setFollowRedirects(false);
        setExceptionOnErrorStatus(false);
        // HTTP/1.1 only, like the other variants: with the default ALPN modes (h2, http/1.1) the JDK client is
        // built for HTTP/2 and, over plain http, sends "Upgrade: h2c" and HTTP2-Settings on every request
        setAlpnModes(List.of("http/1.1"));
    }

    @Override
    public ConnectionPoolConfiguration getConnectionPoolConfiguration() {
        return pool;
    }
}
