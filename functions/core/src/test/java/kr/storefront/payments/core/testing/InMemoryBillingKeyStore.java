package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.Page;

/** {@link BillingKeyStore} in memory: keys per customer, listed in customer_uid order, a cursor valid for one customer only. */
public final class InMemoryBillingKeyStore extends InMemoryVersionedStore<BillingKey> implements BillingKeyStore {

    public InMemoryBillingKeyStore() {
        super("billingKeys", BillingKeyStore.class, stored -> keyOf(stored.customerId(), stored.customerUid()), BillingKey::version,
                StoredForm::billingKey);
    }

    @Override
    public Optional<BillingKey> find(String customerId, String customerUid) {
        return lookup("find", keyOf(customerId, customerUid));
    }

    @Override
    public Page<BillingKey> listByCustomer(String customerId, @Nullable String cursor, int limit) {
        // the customer's partition, as in the table: a cursor of another customer's list is refused
        return query("listByCustomer", "CUSTOMER#" + customerId, key -> key.customerId().equals(customerId),
                key -> "BILLINGKEY#" + key.customerUid(), cursor, limit);
    }
}
