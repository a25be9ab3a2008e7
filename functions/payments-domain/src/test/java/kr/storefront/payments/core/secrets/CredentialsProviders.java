package kr.storefront.payments.core.secrets;

import io.micronaut.json.JsonMapper;
import java.time.Clock;
import kr.storefront.payments.core.config.IamportConfiguration;

/**
 * Builds an {@link IamportCredentialsProvider} without an application context (its constructor is package-private, so
 * this bridge lives in its package). Tests reach it through {@code InMemorySecretSource.credentialsProvider}.
 */
public final class CredentialsProviders {

    private CredentialsProviders() {
    }

    public static IamportCredentialsProvider over(SecretSource secrets, IamportConfiguration configuration, Clock clock) {
        return new IamportCredentialsProvider(secrets, JsonMapper.createDefault(), configuration, clock);
    }
}
