package kr.storefront.payments.store.dynamodb;

import java.util.Map;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Billing-key item: {@code CUSTOMER#{customer_id} / BILLINGKEY#{customer_uid}}. */
final class BillingKeyItems implements ItemMapper<BillingKey> {

    @Override
    public Map<String, AttributeValue> toItem(BillingKey key, long version) {
        return new ItemBuilder()
                .string(TableKeys.PK, TableKeys.customerPk(key.customerId()))
                .string(TableKeys.SK, TableKeys.billingKeySk(key.customerUid()))
                .string("type", "BILLING_KEY")
                .string("customer_id", key.customerId())
                .string("customer_uid", key.customerUid())
                .string("pg", key.pg().code())
                .string("window_merchant_uid", key.windowMerchantUid())
                .enumValue("status", key.status())
                .map("card", NestedItems.card(key.card()))
                .time("created_at", key.createdAt())
                .time("updated_at", key.updatedAt())
                .number(TableKeys.VERSION, version)
                .build();
    }

    @Override
    public BillingKey fromItem(Map<String, AttributeValue> item) {
        ItemReader reader = new ItemReader(item);
        return reader.construct(() -> new BillingKey(
                reader.string("customer_id"),
                reader.string("customer_uid"),
                OrderItems.pg(reader),
                reader.optionalString("window_merchant_uid"),
                reader.enumValue("status", BillingKeyStatus.class),
                reader.optionalMap("card", NestedItems::card),
                reader.time("created_at"),
                reader.time("updated_at"),
                reader.number(TableKeys.VERSION)));
    }

    @Override
    public long version(BillingKey key) {
        return key.version();
    }
}
