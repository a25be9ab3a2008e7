package kr.storefront.payments.store.dynamodb;

import kr.storefront.payments.core.testing.contract.ChargeLedgerContract;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ChargeLedgerContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoChargeLedgerIT extends ChargeLedgerContract {

    @Override
    protected LedgerStores newLedger() {
        DynamoTable table = StoreFixtures.freshTable();
        return new LedgerStores(new DynamoChargeLedger(table), new DynamoSubscriptionStore(table), new DynamoChargeAttemptStore(table),
                new DynamoOrderStore(table));
    }
}
