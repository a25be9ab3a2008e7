package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.Page;

@Singleton
final class DynamoBillingKeyStore extends VersionedItemStore<BillingKey> implements BillingKeyStore {

    DynamoBillingKeyStore(DynamoTable table) {
        super(table, new BillingKeyItems());
    }

    @Override
    public Optional<BillingKey> find(String customerId, String customerUid) {
        return get(TableKeys.customerPk(customerId), TableKeys.billingKeySk(customerUid));
    }

    @Override
    public List<BillingKey> findAll(List<Key> keys) {
        return readAll(keys.stream().distinct()
                .map(key -> new DynamoTable.Key(TableKeys.customerPk(key.customerId()), TableKeys.billingKeySk(key.customerUid())))
                .toList());
    }

    @Override
    public Page<BillingKey> listByCustomer(String customerId, @Nullable String cursor, int limit) {
        return query(QuerySpec.withPrefix(TableKeys.customerPk(customerId), TableKeys.BILLING_KEY_PREFIX), cursor, limit);
    }
}
