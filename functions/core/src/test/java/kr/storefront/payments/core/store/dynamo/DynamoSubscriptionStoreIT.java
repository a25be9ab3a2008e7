package kr.storefront.payments.core.store.dynamo;

import kr.storefront.payments.core.store.SubscriptionStore;
import kr.storefront.payments.core.testing.contract.SubscriptionStoreContract;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link SubscriptionStoreContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoSubscriptionStoreIT extends SubscriptionStoreContract {

    private final AwsEmulator emulator;

    DynamoSubscriptionStoreIT(AwsEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    protected SubscriptionStore newStore() {
        return new DynamoSubscriptionStore(StoreFixtures.freshTable(emulator));
    }
}
