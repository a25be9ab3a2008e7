package kr.storefront.payments.core.testing;

import kr.storefront.payments.core.catalog.CatalogStore;
import kr.storefront.payments.core.testing.contract.CatalogStoreContract;

/** The {@link CatalogStoreContract} on the fake. */
class InMemoryCatalogStoreTest extends CatalogStoreContract {

    @Override
    protected CatalogStore newStore() {
        return new InMemoryCatalogStore();
    }
}
