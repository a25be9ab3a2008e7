package kr.storefront.payments.core.store;

/** Thrown when the store cannot be read or written (network, throttling after retries, missing table). Nothing was changed by the failed call, or it is unknown; callers re-read. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
