package kr.storefront.payments.secrets.aws;

import jakarta.inject.Singleton;
import kr.storefront.payments.core.secrets.SecretSource;
import kr.storefront.payments.core.secrets.SecretUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** {@link SecretSource} backed by AWS Secrets Manager ({@code GetSecretValue} only, as the IAM policy allows). */
@Singleton
final class SecretsManagerSecretSource implements SecretSource {

    private final SecretsManagerClient secretsManager;

    SecretsManagerSecretSource(SecretsManagerClient secretsManager) {
        this.secretsManager = secretsManager;
    }

    @Override
    public String secretString(String secretId) {
        GetSecretValueResponse response;
        try {
            response = secretsManager.getSecretValue(request -> request.secretId(secretId));
        } catch (SdkException e) {
            // the SDK message names the secret and the failure, never its value
            throw new SecretUnavailableException("cannot read secret " + secretId + ": " + e.getMessage(), e);
        }
        if (response.secretString() == null) {
            throw new SecretUnavailableException("secret " + secretId + " has no string value", null);
        }
        return response.secretString();
    }
}
