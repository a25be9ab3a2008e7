package kr.storefront.payments.store.dynamodb;

import kr.storefront.payments.core.config.StoreConfiguration;
import kr.storefront.payments.testkit.aws.AwsEmulator;

/** Builds stores on a fresh emulator table (sample entities are {@code testing.contract.StoreSamples}). */
final class StoreFixtures {

    private StoreFixtures() {
    }

    /** A new table on the JVM's emulator (which {@code AwsEmulatorExtension} starts before the class). */
    static DynamoTable freshTable() {
        AwsEmulator emulator = AwsEmulator.shared();
        return new DynamoTable(emulator.dynamoDb(), new StoreConfiguration(emulator.createTable("store"), 100));
    }
}
