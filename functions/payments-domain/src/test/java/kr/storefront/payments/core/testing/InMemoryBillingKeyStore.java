package kr.storefront.payments.core.testing;

import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.store.BillingKeyStore;

/** {@link BillingKeyStore} in memory: keys per customer, listed in customer_uid order, a cursor valid for one customer only. */
public final class InMemoryBillingKeyStore extends InMemoryCustomerStore<BillingKey> implements BillingKeyStore {

    public InMemoryBillingKeyStore() {
        super("billingKeys", BillingKeyStore.class, BillingKey::customerId, BillingKey::customerUid, "BILLINGKEY#",
                BillingKey::version, StoredForm::billingKey);
    }
}
