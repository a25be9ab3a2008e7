package kr.storefront.payments.core.iamport;

import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClientConfiguration;
import java.time.Duration;
import kr.storefront.payments.core.config.IamportConfiguration;

/**
 * HTTP client settings derived from {@link IamportConfiguration}. Error statuses come back as
 * responses, not exceptions, because i'mport's envelope must be read on 4xx too.
 */
abstract class IamportHttpClientConfiguration extends HttpClientConfiguration {

    private final ConnectionPoolConfiguration connectionPool;

    IamportHttpClientConfiguration(DefaultHttpClientConfiguration defaults, IamportConfiguration iamport, Duration readTimeout) {
        super(defaults);
        this.connectionPool = defaults.getConnectionPoolConfiguration();
        setConnectTimeout(iamport.connectTimeout());
        setReadTimeout(readTimeout);
        setExceptionOnErrorStatus(false);
        setFollowRedirects(false);
    }

    @Override
    public ConnectionPoolConfiguration getConnectionPoolConfiguration() {
        return connectionPool;
    }
}
