package kr.storefront.payments.core.testing;

import kr.storefront.payments.core.store.SubscriptionStore;
import kr.storefront.payments.core.testing.contract.SubscriptionStoreContract;

/** The {@link SubscriptionStoreContract} on the fake. */
class InMemorySubscriptionStoreTest extends SubscriptionStoreContract {

    @Override
    protected SubscriptionStore newStore() {
        return new InMemorySubscriptionStore();
    }
}
