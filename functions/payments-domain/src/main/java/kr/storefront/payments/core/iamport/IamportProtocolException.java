package kr.storefront.payments.core.iamport;

/** Thrown when i'mport's answer is not in the V1 shape we rely on (not JSON, missing fields, odd amounts). */
public final class IamportProtocolException extends IamportException {

    public IamportProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
