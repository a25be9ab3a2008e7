package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Optional;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.SubscriptionStore;

/**
 * {@link SubscriptionStore} in memory. {@link #findDue} reads what the real due index holds (scheduled subscriptions,
 * see {@link Subscription#isScheduled()}) by {@code <next_charge_at to the millisecond>#<id>}; unlike the real index
 * it is never stale, so a test of "re-read before acting" has to make the staleness itself (e.g. by a {@link #seed}).
 */
public final class InMemorySubscriptionStore extends InMemoryVersionedStore<Subscription> implements SubscriptionStore {

    public InMemorySubscriptionStore() {
        super("subscriptions", SubscriptionStore.class, stored -> keyOf(stored.customerId(), stored.id()), Subscription::version,
                StoredForm::subscription);
    }

    @Override
    public Optional<Subscription> find(String customerId, String subscriptionId) {
        return lookup("find", keyOf(customerId, subscriptionId));
    }

    @Override
    public Page<Subscription> listByCustomer(String customerId, @Nullable String cursor, int limit) {
        return query("listByCustomer", "CUSTOMER#" + customerId, subscription -> subscription.customerId().equals(customerId),
                subscription -> "SUBSCRIPTION#" + subscription.id(), cursor, limit);
    }

    @Override
    public Page<Subscription> findDue(Instant now, @Nullable String cursor, int limit) {
        // "<time>#<id>" <= "<now>#\uffff" takes every item due at or before now, as the real query does
        String bound = SortableTime.of(now) + "#\uffff";
        return query("findDue", "SUBSCRIPTION#DUE", subscription -> subscription.isScheduled() && dueKey(subscription).compareTo(bound) <= 0,
                InMemorySubscriptionStore::dueKey, cursor, limit);
    }

    private static String dueKey(Subscription subscription) {
        return SortableTime.of(subscription.nextChargeAt()) + "#" + subscription.id();
    }
}
