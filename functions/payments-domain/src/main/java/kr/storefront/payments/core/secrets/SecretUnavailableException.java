package kr.storefront.payments.core.secrets;

/** Thrown when a secret cannot be read: it does not exist, we may not read it, or the service is unreachable. */
public final class SecretUnavailableException extends RuntimeException {

    public SecretUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
