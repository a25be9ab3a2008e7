package kr.storefront.payments.core.secrets;

/** Reads a secret's string value from wherever secrets are kept (AWS Secrets Manager in production). */
public interface SecretSource {

    /**
     * Returns the current value of a secret.
     *
     * @throws SecretUnavailableException if the secret cannot be read (missing, access denied, service down)
     */
    String secretString(String secretId);
}
