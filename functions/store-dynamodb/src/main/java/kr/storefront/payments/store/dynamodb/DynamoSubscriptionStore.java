package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.SubscriptionStore;

@Singleton
final class DynamoSubscriptionStore extends VersionedItemStore<Subscription> implements SubscriptionStore {

    DynamoSubscriptionStore(DynamoTable table) {
        super(table, new SubscriptionItems());
    }

    @Override
    public Optional<Subscription> find(String customerId, String subscriptionId) {
        return get(TableKeys.customerPk(customerId), TableKeys.subscriptionSk(subscriptionId));
    }

    @Override
    public List<Subscription> findAll(List<Key> keys) {
        return readAll(keys.stream().distinct()
                .map(key -> new DynamoTable.Key(TableKeys.customerPk(key.customerId()), TableKeys.subscriptionSk(key.subscriptionId())))
                .toList());
    }

    @Override
    public Page<Subscription> listByCustomer(String customerId, @Nullable String cursor, int limit) {
        return query(QuerySpec.withPrefix(TableKeys.customerPk(customerId), TableKeys.SUBSCRIPTION_PREFIX),
                cursor, limit);
    }

    @Override
    public Page<Subscription> findDue(Instant now, @Nullable String cursor, int limit) {
        return query(QuerySpec.indexAtMost(TableKeys.DUE_SUBSCRIPTIONS, TableKeys.dueAtOrBefore(now)),
                cursor, limit);
    }
}
