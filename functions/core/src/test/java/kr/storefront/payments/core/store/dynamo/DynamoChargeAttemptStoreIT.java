package kr.storefront.payments.core.store.dynamo;

import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.testing.contract.ChargeAttemptStoreContract;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ChargeAttemptStoreContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoChargeAttemptStoreIT extends ChargeAttemptStoreContract {

    private final AwsEmulator emulator;

    DynamoChargeAttemptStoreIT(AwsEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    protected ChargeAttemptStore newStore() {
        return new DynamoChargeAttemptStore(StoreFixtures.freshTable(emulator));
    }
}
