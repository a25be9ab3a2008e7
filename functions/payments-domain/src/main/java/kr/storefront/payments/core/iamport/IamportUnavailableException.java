package kr.storefront.payments.core.iamport;

/**
 * Thrown when i'mport could not be reached or answered with a server error (timeout, connection
 * refused, 5xx). A retry may help. {@link #requestSent()} tells whether the request may have been
 * processed, which matters for anything that is not a read.
 */
public final class IamportUnavailableException extends IamportException {

    private final boolean requestSent;

    public IamportUnavailableException(String message, boolean requestSent, Throwable cause) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    /** False when the request certainly never reached i'mport (connect failure, no token). */
    public boolean requestSent() {
        return requestSent;
    }
}
