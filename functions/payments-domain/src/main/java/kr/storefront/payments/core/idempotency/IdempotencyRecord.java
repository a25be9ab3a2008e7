package kr.storefront.payments.core.idempotency;

import java.time.Instant;
import java.util.Objects;

/**
 * The first request made with a client's idempotency key, and what it created.
 *
 * @param scope       who may use the key (e.g. {@code orders:guest}, {@code billing-keys:{customer}})
 * @param key         the client's key
 * @param requestHash hash of the request body; a replay with another body is refused
 * @param resourceId  what the first request created (a merchant_uid, a subscription id)
 * @param createdAt   when it was claimed
 * @param expiresAt   when the key may be reused for another request
 */
public record IdempotencyRecord(String scope, String key, String requestHash, String resourceId, Instant createdAt,
                                Instant expiresAt) {

    public IdempotencyRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether {@code otherHash} is the same request as the one recorded. */
    public boolean sameRequest(String otherHash) {
        return requestHash.equals(otherHash);
    }
}
