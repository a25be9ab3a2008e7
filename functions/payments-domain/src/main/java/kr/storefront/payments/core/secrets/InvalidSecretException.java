package kr.storefront.payments.core.secrets;

/** Thrown when the i'mport secret was read but is not the expected JSON document. The value is never quoted. */
public final class InvalidSecretException extends RuntimeException {

    public InvalidSecretException(String message) {
        super(message);
    }
}
