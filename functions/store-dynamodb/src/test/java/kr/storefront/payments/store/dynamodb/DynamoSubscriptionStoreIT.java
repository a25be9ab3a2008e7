package kr.storefront.payments.store.dynamodb;

import kr.storefront.payments.core.store.SubscriptionStore;
import kr.storefront.payments.core.testing.contract.SubscriptionStoreContract;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link SubscriptionStoreContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoSubscriptionStoreIT extends SubscriptionStoreContract {

    @Override
    protected SubscriptionStore newStore() {
        return new DynamoSubscriptionStore(StoreFixtures.freshTable());
    }
}
