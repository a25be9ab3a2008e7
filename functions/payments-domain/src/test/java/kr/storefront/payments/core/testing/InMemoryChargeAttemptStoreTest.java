package kr.storefront.payments.core.testing;

import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.testing.contract.ChargeAttemptStoreContract;

/** The {@link ChargeAttemptStoreContract} on the fake. */
class InMemoryChargeAttemptStoreTest extends ChargeAttemptStoreContract {

    @Override
    protected ChargeAttemptStore newStore() {
        return new InMemoryChargeAttemptStore();
    }
}
