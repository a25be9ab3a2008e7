package kr.storefront.payments.store.dynamodb;

import kr.storefront.payments.core.catalog.CatalogStore;
import kr.storefront.payments.core.testing.contract.CatalogStoreContract;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link CatalogStoreContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoCatalogStoreIT extends CatalogStoreContract {

    @Override
    protected CatalogStore newStore() {
        return new DynamoCatalogStore(StoreFixtures.freshTable());
    }
}
