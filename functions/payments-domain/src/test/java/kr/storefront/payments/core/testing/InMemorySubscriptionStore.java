package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.SubscriptionStore;

/**
 * {@link SubscriptionStore} in memory. {@link #findDue} reads what the real due index holds (scheduled subscriptions,
 * see {@link Subscription#isScheduled()}) by {@code <next_charge_at to the millisecond>#<id>}. Unlike the real
 * (eventually consistent) index it is never stale: it cannot serve a subscription that changed since, so code that
 * must re-read before acting is not tested for that here.
 */
public final class InMemorySubscriptionStore extends InMemoryCustomerStore<Subscription> implements SubscriptionStore {

    public InMemorySubscriptionStore() {
        super("subscriptions", SubscriptionStore.class, Subscription::customerId, Subscription::id, "SUBSCRIPTION#",
                Subscription::version, StoredForm::subscription);
    }

    @Override
    public List<Subscription> findAll(List<Key> keys) {
        if (keys.size() > 100) {
            throw new IllegalArgumentException("at most 100 keys per batch read");
        }
        return lookupAll("findAll", keys.stream().map(key -> keyOf(key.customerId(), key.subscriptionId())).toList());
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
