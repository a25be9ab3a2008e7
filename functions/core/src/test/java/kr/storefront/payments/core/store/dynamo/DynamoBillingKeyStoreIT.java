package kr.storefront.payments.core.store.dynamo;

import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.testing.contract.BillingKeyStoreContract;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link BillingKeyStoreContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoBillingKeyStoreIT extends BillingKeyStoreContract {

    private final AwsEmulator emulator;

    DynamoBillingKeyStoreIT(AwsEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    protected BillingKeyStore newStore() {
        return new DynamoBillingKeyStore(StoreFixtures.freshTable(emulator));
    }
}
