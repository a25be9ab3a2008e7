package kr.storefront.payments.core.store;

import java.util.Optional;

/**
 * Result of a conditional write. A {@link Conflict} is an expected outcome, not an error: someone
 * else wrote first (a concurrent confirm, a second run), and the caller decides what that means.
 */
public sealed interface WriteResult<T> {

    /** The write happened; {@code stored} carries the new version. */
    record Applied<T>(T stored) implements WriteResult<T> { }

    /** The write was refused because the item changed (or already existed); {@code current} is what is stored now. */
    record Conflict<T>(Optional<T> current) implements WriteResult<T> { }

    default boolean applied() {
        return this instanceof Applied<T>;
    }

    /** What is stored now: the written value, or the one that won. */
    default Optional<T> current() {
        if (this instanceof Applied<T> applied) {
            return Optional.of(applied.stored());
        }
        return ((Conflict<T>) this).current();
    }
}
