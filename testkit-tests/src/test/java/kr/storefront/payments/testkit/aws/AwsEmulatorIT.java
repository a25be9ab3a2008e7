package kr.storefront.payments.testkit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

@ExtendWith(AwsEmulatorExtension.class)
class AwsEmulatorIT {

    @Test
    void createTable_matchesTemplateKeysIndexesAndTtl(AwsEmulator emulator) {
        String name = emulator.createTable("harness");

        TableDescription table = emulator.dynamoDb().describeTable(r -> r.tableName(name)).table();
        assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(table.globalSecondaryIndexes())
                .extracting(index -> index.indexName() + "=" + index.keySchema().stream()
                        .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList())
                .containsExactlyInAnyOrder("gsi1=[gsi1pk:HASH, gsi1sk:RANGE]", "gsi2=[gsi2pk:HASH, gsi2sk:RANGE]");
        assertThat(emulator.dynamoDb().describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.attributeName()).isEqualTo("expires_at");
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                });
    }

    @Test
    void createTable_itemsRoundTripThroughGsi(AwsEmulator emulator) {
        String name = emulator.createTable("harness");
        emulator.dynamoDb().putItem(r -> r.tableName(name).item(Map.of(
                "pk", AttributeValue.fromS("A"), "sk", AttributeValue.fromS("B"),
                "gsi1pk", AttributeValue.fromS("G"), "gsi1sk", AttributeValue.fromS("2026"))));

        var found = emulator.dynamoDb().query(r -> r.tableName(name).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :g").expressionAttributeValues(Map.of(":g", AttributeValue.fromS("G"))));

        assertThat(found.items()).singleElement().satisfies(item -> assertThat(item.get("pk").s()).isEqualTo("A"));
    }

    @RepeatedTest(3)
    void concurrentConditionalPuts_exactlyOneSucceeds_asOnRealDynamoDb(AwsEmulator emulator) throws Exception {
        String name = emulator.createTable("harness");
        int writers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String writer = "w" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        emulator.dynamoDb().putItem(r -> r.tableName(name)
                                .item(Map.of("pk", AttributeValue.fromS("K"), "sk", AttributeValue.fromS("K"),
                                        "writer", AttributeValue.fromS(writer)))
                                .conditionExpression("attribute_not_exists(pk)"));
                        return true;
                    } catch (ConditionalCheckFailedException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                succeeded += result.get() ? 1 : 0;
            }

            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createSecret_readsBackAndRotates(AwsEmulator emulator) {
        String arn = emulator.createSecret("harness", "{\"a\":1}");
        emulator.updateSecret(arn, "{\"a\":2}");

        assertThat(emulator.secretsManager().getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("{\"a\":2}");
    }

    @Test
    void micronautProperties_pointEveryServiceAtTheEmulator(AwsEmulator emulator) {
        assertThat(emulator.micronautProperties())
                .containsEntry("aws.services.dynamodb.endpoint-override", emulator.endpoint().toString())
                .containsEntry("aws.services.secretsmanager.endpoint-override", emulator.endpoint().toString());
    }
}
