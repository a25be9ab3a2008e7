package kr.storefront.payments.local;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import kr.storefront.payments.core.secrets.SecretSource;
import kr.storefront.payments.core.secrets.SecretUnavailableException;

/**
 * Stands in for Secrets Manager when the local stack runs without any AWS endpoint: the one
 * secret (the sandbox's credentials) is handed to the functions as a property. With an emulator
 * endpoint the real Secrets Manager adapter is used instead.
 */
@Singleton
@Replaces(SecretSource.class)
@Requires(env = LocalSecretSource.ENVIRONMENT)
final class LocalSecretSource implements SecretSource {

    static final String ENVIRONMENT = "local-secrets";
    static final String SECRET_ID_PROPERTY = "local.secret-id";
    static final String SECRET_VALUE_PROPERTY = "local.secret-value";

    private final String secretId;
    private final String secretValue;

    LocalSecretSource(@Value("${" + SECRET_ID_PROPERTY + "}") String secretId,
                      @Value("${" + SECRET_VALUE_PROPERTY + "}") String secretValue) {
        this.secretId = secretId;
        this.secretValue = secretValue;
    }

    @Override
    public String secretString(String requested) {
        if (!secretId.equals(requested)) {
            throw new SecretUnavailableException("the local stack holds only secret " + secretId, null);
        }
        return secretValue;
    }
}
