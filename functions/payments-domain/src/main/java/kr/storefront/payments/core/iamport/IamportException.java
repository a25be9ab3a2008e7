package kr.storefront.payments.core.iamport;

/** Base of the failures of a call to i'mport that are not payment outcomes. */
public abstract sealed class IamportException extends RuntimeException
        permits IamportUnavailableException, IamportAuthenticationException, IamportRejectedException, IamportProtocolException {

    protected IamportException(String message, Throwable cause) {
        super(message, cause);
    }
}
