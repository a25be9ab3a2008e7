package kr.storefront.payments.core.testing;

import java.util.List;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.store.BillingKeyStore;

/** {@link BillingKeyStore} in memory: keys per customer, listed in customer_uid order, a cursor valid for one customer only. */
public final class InMemoryBillingKeyStore extends InMemoryCustomerStore<BillingKey> implements BillingKeyStore {

    public InMemoryBillingKeyStore() {
        super("billingKeys", BillingKeyStore.class, BillingKey::customerId, BillingKey::customerUid, "BILLINGKEY#",
                BillingKey::version, StoredForm::billingKey);
    }

    @Override
    public List<BillingKey> findAll(List<Key> keys) {
        if (keys.size() > 100) {
            throw new IllegalArgumentException("at most 100 keys per batch read");
        }
        return lookupAll("findAll", keys.stream().map(key -> keyOf(key.customerId(), key.customerUid())).toList());
    }
}
