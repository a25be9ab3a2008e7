package kr.storefront.payments.core.store.dynamo;

import java.time.Clock;
import kr.storefront.payments.core.idempotency.IdempotencyStore;
import kr.storefront.payments.core.testing.contract.IdempotencyStoreContract;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link IdempotencyStoreContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoIdempotencyStoreIT extends IdempotencyStoreContract {

    @Override
    protected IdempotencyStore newStore(Clock clock) {
        return new DynamoIdempotencyStore(StoreFixtures.freshTable(), clock);
    }
}
