package kr.storefront.payments.store.dynamodb;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.storefront.payments.core.config.StoreConfiguration;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderLine;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.testkit.aws.AwsEmulator;

/** Builds stores on a fresh emulator table and sample entities for the store tests. */
final class StoreFixtures {

    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private StoreFixtures() {
    }

    static DynamoTable freshTable(AwsEmulator emulator) {
        return new DynamoTable(emulator.dynamoDb(), new StoreConfiguration(emulator.createTable("store"), 100));
    }

    static String uid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static Order pendingOrder(String merchantUid, Instant createdAt) {
        return Order.pending(merchantUid, OrderKind.ONE_TIME, "customer-1", "Coffee beans x2", 36000, Pg.TOSSPAYMENTS, "card",
                List.of(new OrderLine("BEANS-1KG", "Coffee beans", 18000, 2)), null, null, createdAt);
    }

    static Subscription subscription(String customerId, String id, Instant firstChargeAt) {
        return Subscription.start(id, customerId, "cuid_" + id, "plan-monthly", "Monthly plan", 8900, BillingInterval.months(1),
                firstChargeAt, NOW);
    }
}
