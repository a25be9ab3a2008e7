package kr.storefront.payments.core.iamport;

/**
 * Thrown when i'mport rejects our credentials even after the secret was read again: the key or
 * secret in Secrets Manager is wrong or revoked. Retrying will not help until an operator fixes it.
 */
public final class IamportAuthenticationException extends IamportException {

    public IamportAuthenticationException(String message) {
        super(message, null);
    }
}
