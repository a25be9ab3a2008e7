package kr.storefront.payments.core.refund;

/** A refund we refuse before (or instead of) asking i'mport; the message never quotes the request. */
public final class RefundRefusedException extends RuntimeException {

    /** Why; each maps to one HTTP status and error code. */
    public enum Reason {
        /** The order is not paid, or refunded in full already (409). */
        NOT_REFUNDABLE,
        /** More than what is still refundable (422). */
        EXCEEDS_REFUNDABLE,
        /** Another refund of the order is in flight or not settled yet (409); retry shortly. */
        REFUND_PENDING,
        /** i'mport refused it (422). */
        IAMPORT_REJECTED
    }

    private final Reason reason;
    private final Integer iamportCode;

    public RefundRefusedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public RefundRefusedException(Reason reason, String message, Integer iamportCode) {
        super(message);
        this.reason = reason;
        this.iamportCode = iamportCode;
    }

    public Reason reason() {
        return reason;
    }

    /** i'mport's code for {@link Reason#IAMPORT_REJECTED}, else null. */
    public Integer iamportCode() {
        return iamportCode;
    }
}
