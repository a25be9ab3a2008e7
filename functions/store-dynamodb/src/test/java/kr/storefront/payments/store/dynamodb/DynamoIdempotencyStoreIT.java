package kr.storefront.payments.store.dynamodb;

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
