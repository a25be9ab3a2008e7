package kr.storefront.payments.queue.sqs;

/** A queue message whose body is not a rebill batch: it is never charged and ends in the dead-letter queue. */
public final class MalformedRebillMessageException extends RuntimeException {

    public MalformedRebillMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
