package kr.storefront.payments.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kr.storefront.payments.core.store.InvalidCursorException;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.testing.contract.OrderStoreContract;
import kr.storefront.payments.core.testing.contract.StoreSamples;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@link OrderStoreContract} on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoOrderStoreIT extends OrderStoreContract {

    @Override
    protected OrderStore newStore() {
        return new DynamoOrderStore(StoreFixtures.freshTable());
    }

    @Test
    void findOpenCreatedBefore_withACursorFromAnotherPartition_isRefused() {
        String foreignCursor = CursorCodec.encode(Map.of(
                "pk", AttributeValue.fromS("CUSTOMER#x"),
                "sk", AttributeValue.fromS("BILLINGKEY#y")), QuerySpec.withPrefix("CUSTOMER#x", "BILLINGKEY#"));

        assertThatThrownBy(() -> newStore().findOpenCreatedBefore(StoreSamples.NOW, foreignCursor, 10))
                .isInstanceOf(InvalidCursorException.class);
    }
}
