package kr.storefront.payments.core.store;

/** Thrown when a stored item cannot be read back as the entity it should be (a missing or malformed attribute). */
public final class StoreDataException extends RuntimeException {

    public StoreDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
