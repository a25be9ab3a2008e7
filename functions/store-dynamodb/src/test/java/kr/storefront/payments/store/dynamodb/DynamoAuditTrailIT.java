package kr.storefront.payments.store.dynamodb;

import kr.storefront.payments.core.admin.AuditTrail;
import kr.storefront.payments.core.testing.contract.AuditTrailContract;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link AuditTrailContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoAuditTrailIT extends AuditTrailContract {

    @Override
    protected AuditTrail newTrail() {
        return new DynamoAuditTrail(StoreFixtures.freshTable());
    }
}
