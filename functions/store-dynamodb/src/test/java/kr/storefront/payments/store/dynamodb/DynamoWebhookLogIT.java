package kr.storefront.payments.store.dynamodb;

import kr.storefront.payments.core.confirm.WebhookLog;
import kr.storefront.payments.core.testing.contract.WebhookLogContract;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link WebhookLogContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoWebhookLogIT extends WebhookLogContract {

    @Override
    protected WebhookLog newLog() {
        return new DynamoWebhookLog(StoreFixtures.freshTable());
    }
}
