package kr.storefront.payments.core.testing;

import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.testing.contract.BillingKeyStoreContract;

/** The {@link BillingKeyStoreContract} on the fake. */
class InMemoryBillingKeyStoreTest extends BillingKeyStoreContract {

    @Override
    protected BillingKeyStore newStore() {
        return new InMemoryBillingKeyStore();
    }
}
