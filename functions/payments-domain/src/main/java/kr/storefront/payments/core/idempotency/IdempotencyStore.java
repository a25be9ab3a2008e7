package kr.storefront.payments.core.idempotency;

import java.util.Optional;

/** Remembers idempotency keys long enough for clients to retry (Stripe-style, keys expire). */
public interface IdempotencyStore {

    /**
     * Claims the record's key for this request. Empty when the claim succeeded; otherwise the
     * unexpired record of whoever claimed the key first.
     */
    Optional<IdempotencyRecord> claim(IdempotencyRecord record);
}
