package kr.storefront.payments.bench.declarative;

import io.micronaut.http.client.HttpClientConfiguration;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The API's client settings: 10 s read timeout, no redirects, error statuses as responses. */
@Singleton
public final class ApiClientConfiguration extends HttpClientConfiguration {

    private final ConnectionPoolConfiguration pool = new ConnectionPoolConfiguration();

    public ApiClientConfiguration() {
        setReadTimeout(Duration.ofSeconds(10));
        setConnectTimeout(Duration.ofSeconds(3));
        setFollowRedirects(false);
        setExceptionOnErrorStatus(false);
    }

    @Override
    public ConnectionPoolConfiguration getConnectionPoolConfiguration() {
        return pool;
    }
}
