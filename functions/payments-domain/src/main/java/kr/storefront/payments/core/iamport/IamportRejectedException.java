package kr.storefront.payments.core.iamport;

/**
 * Thrown when i'mport answered but refused the request: {@code code != 0} in the envelope
 * (often with HTTP 200), or a 4xx. The message is i'mport's (often the PG's own text).
 */
public final class IamportRejectedException extends IamportException {

    private final int code;
    private final int httpStatus;
    private final String iamportMessage;

    public IamportRejectedException(String operation, int httpStatus, int code, String iamportMessage) {
        super(operation + " refused by i'mport (HTTP " + httpStatus + ", code " + code + "): " + iamportMessage, null);
        this.code = code;
        this.httpStatus = httpStatus;
        this.iamportMessage = iamportMessage;
    }

    /** The envelope's {@code code}. */
    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** i'mport's {@code message}, as sent. */
    public String iamportMessage() {
        return iamportMessage;
    }
}
