package kr.storefront.payments.rebill;

/** Thrown when the schedule's input cannot be read (a broken {@code Input} template in template.yaml). */
public final class InvalidTriggerException extends RuntimeException {

    public InvalidTriggerException(String message, Throwable cause) {
        super(message, cause);
    }
}
