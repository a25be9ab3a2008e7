package kr.storefront.payments.core.store;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.domain.Subscription;

/** Subscriptions, kept per customer and indexed by next charge time while billable. */
public interface SubscriptionStore {

    WriteResult<Subscription> insert(Subscription subscription);

    Optional<Subscription> find(String customerId, String subscriptionId);

    /**
     * Strongly consistent read of up to 100 subscriptions in one round trip; those that do not exist are absent
     * from the result (in no particular order).
     */
    List<Subscription> findAll(List<Key> keys);

    /** Writes {@code changed} if the stored subscription is still at {@code changed.version()}. */
    WriteResult<Subscription> update(Subscription changed);

    Page<Subscription> listByCustomer(String customerId, @Nullable String cursor, int limit);

    /**
     * Billable subscriptions whose next charge is at or before {@code now}, earliest first, read
     * from the due-index (eventually consistent: re-read an item before acting on it).
     */
    Page<Subscription> findDue(Instant now, @Nullable String cursor, int limit);

    /** Where one subscription is kept. */
    record Key(String customerId, String subscriptionId) {
    }
}
