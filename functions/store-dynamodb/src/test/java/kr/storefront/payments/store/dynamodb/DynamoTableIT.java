package kr.storefront.payments.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(AwsEmulatorExtension.class)
class DynamoTableIT {

    private DynamoTable table;

    @BeforeEach
    void setUp() {
        table = StoreFixtures.freshTable();
    }

    @Test
    void transact_allConditionsHold_writesEveryItem() {
        boolean written = table.transact(List.of(
                DynamoTable.ConditionalPut.ifAbsent(item("A", 1)),
                DynamoTable.ConditionalPut.ifAbsent(item("B", 1))));

        assertThat(written).isTrue();
        assertThat(table.get("A", "S")).isPresent();
        assertThat(table.get("B", "S")).isPresent();
    }

    @Test
    void transact_oneConditionFails_writesNothing() {
        table.put(item("A", 1));

        boolean written = table.transact(List.of(
                DynamoTable.ConditionalPut.ifAbsent(item("B", 1)),
                DynamoTable.ConditionalPut.ifVersion(item("A", 3), 2)));

        assertThat(written).isFalse();
        assertThat(table.get("B", "S")).isEmpty();
        assertThat(table.get("A", "S").orElseThrow().get("version").n()).isEqualTo("1");
    }

    @Test
    void put_replacesWhateverIsStored() {
        table.put(item("A", 1));
        table.put(item("A", 7));

        assertThat(table.get("A", "S").orElseThrow().get("version").n()).isEqualTo("7");
    }

    private static Map<String, AttributeValue> item(String pk, long version) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("S"), "version",
                AttributeValue.fromN(Long.toString(version)));
    }
}
