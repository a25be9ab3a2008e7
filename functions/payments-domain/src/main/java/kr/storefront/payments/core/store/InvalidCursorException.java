package kr.storefront.payments.core.store;

/** Thrown when a page cursor was not produced by this query (tampered, truncated, or from another customer's list). */
public final class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String message) {
        super(message);
    }
}
