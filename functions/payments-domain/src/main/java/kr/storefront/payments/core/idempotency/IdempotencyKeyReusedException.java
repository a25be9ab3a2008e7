package kr.storefront.payments.core.idempotency;

/** Thrown when an idempotency key comes back with a different request body than its first use. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used for a different request");
    }
}
