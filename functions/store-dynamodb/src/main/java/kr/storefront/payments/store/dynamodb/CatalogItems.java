package kr.storefront.payments.store.dynamodb;

import java.util.Map;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.catalog.Product;
import kr.storefront.payments.core.domain.BillingInterval;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Catalog items: {@code CATALOG / PRODUCT#{sku}} and {@code CATALOG / PLAN#{id}}. */
final class CatalogItems {

    private CatalogItems() {
    }

    static Map<String, AttributeValue> product(Product product) {
        return new ItemBuilder()
                .string(TableKeys.PK, TableKeys.CATALOG_PK)
                .string(TableKeys.SK, TableKeys.productSk(product.sku()))
                .string("type", "PRODUCT")
                .string("sku", product.sku())
                .string("name", product.name())
                .number("price", product.price())
                .bool("active", product.active())
                .bool("digital", product.digital())
                .time("updated_at", product.updatedAt())
                .build();
    }

    static Product product(Map<String, AttributeValue> item) {
        ItemReader reader = new ItemReader(item);
        return reader.construct(() -> new Product(reader.string("sku"), reader.string("name"), reader.number("price"),
                reader.bool("active"), reader.bool("digital"), reader.time("updated_at")));
    }

    static Map<String, AttributeValue> plan(Plan plan) {
        return new ItemBuilder()
                .string(TableKeys.PK, TableKeys.CATALOG_PK)
                .string(TableKeys.SK, TableKeys.planSk(plan.id()))
                .string("type", "PLAN")
                .string("plan_id", plan.id())
                .string("name", plan.name())
                .number("amount", plan.amount())
                .enumValue("interval_unit", plan.interval().unit())
                .number("interval_count", plan.interval().count())
                .bool("active", plan.active())
                .bool("digital", plan.digital())
                .time("updated_at", plan.updatedAt())
                .build();
    }

    static Plan plan(Map<String, AttributeValue> item) {
        ItemReader reader = new ItemReader(item);
        return reader.construct(() -> new Plan(reader.string("plan_id"), reader.string("name"), reader.number("amount"),
                new BillingInterval(reader.enumValue("interval_unit", BillingInterval.Unit.class), reader.integer("interval_count")),
                reader.bool("active"), reader.bool("digital"), reader.time("updated_at")));
    }
}
