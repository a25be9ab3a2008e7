package kr.storefront.payments.core.store.dynamo;

import kr.storefront.payments.core.config.StoreConfiguration;
import kr.storefront.payments.testkit.aws.AwsEmulator;

/** Builds stores on a fresh emulator table (sample entities are {@code testing.contract.StoreSamples}). */
final class StoreFixtures {

    private StoreFixtures() {
    }

    static DynamoTable freshTable(AwsEmulator emulator) {
        return new DynamoTable(emulator.dynamoDb(), new StoreConfiguration(emulator.createTable("store"), 100));
    }
}
