package kr.storefront.payments.store.dynamodb;

import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.testing.contract.ChargeAttemptStoreContract;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ChargeAttemptStoreContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoChargeAttemptStoreIT extends ChargeAttemptStoreContract {

    @Override
    protected ChargeAttemptStore newStore() {
        return new DynamoChargeAttemptStore(StoreFixtures.freshTable());
    }
}
