package kr.storefront.payments.core.idempotency;

import java.time.Clock;

/**
 * Builds an {@link Idempotency} without an application context, for the unit tests of services that reserve ids
 * through it (its constructor is package-private, so this bridge lives in its package).
 */
public final class Idempotencies {

    private Idempotencies() {
    }

    public static Idempotency over(IdempotencyStore store, Clock clock) {
        return new Idempotency(store, clock);
    }
}
