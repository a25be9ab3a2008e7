package kr.storefront.payments.core.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.secrets.CredentialsProviders;
import kr.storefront.payments.core.secrets.IamportCredentialsProvider;
import kr.storefront.payments.core.secrets.SecretSource;
import kr.storefront.payments.core.secrets.SecretUnavailableException;

/** Secrets held in memory, counting reads. Active in the {@value #ENVIRONMENT} environment instead of Secrets Manager. */
@Singleton
@Replaces(SecretSource.class)
@Requires(env = InMemorySecretSource.ENVIRONMENT)
public final class InMemorySecretSource implements SecretSource {

    public static final String ENVIRONMENT = "in-memory-secrets";

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    /**
     * A provider over a fresh source holding {@code document} (build it with {@link Secrets}) under
     * {@link IamportConfigurations#SECRET_ID}, configured with {@link IamportConfigurations#defaults()}.
     */
    public static IamportCredentialsProvider credentialsProvider(String document, Clock clock) {
        InMemorySecretSource source = new InMemorySecretSource();
        source.put(IamportConfigurations.SECRET_ID, document);
        return source.credentialsProvider(IamportConfigurations.defaults(), clock);
    }

    /** A provider reading this source as {@code configuration} says (its secret id, cache TTL). */
    public IamportCredentialsProvider credentialsProvider(IamportConfiguration configuration, Clock clock) {
        return CredentialsProviders.over(this, configuration, clock);
    }

    public void put(String secretId, String value) {
        secrets.put(secretId, value);
    }

    public int reads() {
        return reads.get();
    }

    @Override
    public String secretString(String secretId) {
        reads.incrementAndGet();
        String value = secrets.get(secretId);
        if (value == null) {
            throw new SecretUnavailableException("no secret " + secretId, null);
        }
        return value;
    }
}
