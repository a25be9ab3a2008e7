package kr.storefront.payments.store.dynamodb;

import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.testing.contract.BillingKeyStoreContract;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link BillingKeyStoreContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoBillingKeyStoreIT extends BillingKeyStoreContract {

    @Override
    protected BillingKeyStore newStore() {
        return new DynamoBillingKeyStore(StoreFixtures.freshTable());
    }
}
