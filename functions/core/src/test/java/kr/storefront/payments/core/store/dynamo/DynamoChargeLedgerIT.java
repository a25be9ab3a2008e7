package kr.storefront.payments.core.store.dynamo;

import kr.storefront.payments.core.testing.contract.ChargeLedgerContract;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ChargeLedgerContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoChargeLedgerIT extends ChargeLedgerContract {

    private final AwsEmulator emulator;

    DynamoChargeLedgerIT(AwsEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    protected LedgerStores newLedger() {
        DynamoTable table = StoreFixtures.freshTable(emulator);
        return new LedgerStores(new DynamoChargeLedger(table), new DynamoSubscriptionStore(table), new DynamoChargeAttemptStore(table),
                new DynamoOrderStore(table));
    }
}
