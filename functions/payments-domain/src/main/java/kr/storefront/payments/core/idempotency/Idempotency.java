package kr.storefront.payments.core.idempotency;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs "create X" requests at most once per client idempotency key: the first request reserves
 * an id for what it will create; a retry (same key, same body) gets that id back and finishes or
 * re-reads the same resource; the same key with another body is refused.
 */
@Singleton
public class Idempotency {

    /** How long a key is remembered; clients retry within minutes, Stripe keeps keys for 24 h. */
    static final Duration KEY_LIFETIME = Duration.ofHours(24);

    private final IdempotencyStore store;
    private final Clock clock;

    Idempotency(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The id this request should create: a fresh one from {@code newId}, or, for a retry, the one the
     * first request reserved.
     *
     * @param key              client key, or null when the client sent none (then every call is new)
     * @param canonicalRequest the request as a canonical string (no card data)
     * @throws IdempotencyKeyReusedException when the key was used for another request
     */
    public Reservation reserve(String scope, @Nullable String key, String canonicalRequest, Supplier<String> newId) {
        if (key == null) {
            return new Reservation(newId.get(), true);
        }
        Instant now = clock.instant();
        String requestHash = RequestFingerprint.of(canonicalRequest);
        IdempotencyRecord claim = new IdempotencyRecord(scope, key, requestHash, newId.get(), now, now.plus(KEY_LIFETIME));
        return store.claim(claim).map(first -> {
            if (!first.sameRequest(requestHash)) {
                throw new IdempotencyKeyReusedException();
            }
            return new Reservation(first.resourceId(), false);
        }).orElse(new Reservation(claim.resourceId(), true));
    }

    /**
     * The id a create request works on.
     *
     * @param fresh true when this request made the id; false for a retry, whose first attempt may have created
     *              the resource already (or may be creating it right now)
     */
    public record Reservation(String id, boolean fresh) {

        /**
         * What the first attempt stored under the id, if anything. A fresh id was made just now, so nothing can be
         * stored under it and the store is not asked (a concurrent retry's write is caught by the conditional insert
         * that follows).
         */
        public <T> Optional<T> existing(Function<String, Optional<T>> find) {
            return fresh ? Optional.empty() : find.apply(id);
        }
    }
}
