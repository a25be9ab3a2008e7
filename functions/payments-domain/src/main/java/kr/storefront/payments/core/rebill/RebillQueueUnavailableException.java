package kr.storefront.payments.core.rebill;

/** The rebill queue could not take a batch (network, throttling after retries, missing queue). */
public final class RebillQueueUnavailableException extends RuntimeException {

    public RebillQueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
