package kr.storefront.payments.store.dynamodb;

import java.util.Map;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Order item: {@code ORDER#{merchant_uid} / ORDER}, in the open-orders index while open, in the orders-by-status index always. */
final class OrderItems implements ItemMapper<Order> {

    @Override
    public Map<String, AttributeValue> toItem(Order order, long version) {
        ItemBuilder item = new ItemBuilder()
                .string(TableKeys.PK, TableKeys.orderPk(order.merchantUid()))
                .string(TableKeys.SK, TableKeys.ORDER_SK)
                .string("type", "ORDER")
                .string("merchant_uid", order.merchantUid())
                .enumValue("kind", order.kind())
                .string("customer_id", order.customerId())
                .string("name", order.name())
                .number("amount", order.amount())
                .string("currency", order.currency())
                .string("pg", order.pg().code())
                .string("pay_method", order.payMethod())
                .list("lines", order.lines().stream().map(NestedItems::line).toList())
                .enumValue("status", order.status())
                .string("imp_uid", order.impUid())
                .string("customer_uid", order.customerUid())
                .string("subscription_id", order.subscriptionId())
                .string("plan_id", order.planId())
                .map("virtual_account", NestedItems.virtualAccount(order.virtualAccount()))
                .map("card", NestedItems.card(order.card()))
                .string("fail_reason", order.failReason())
                .number("refunded_amount", order.refundedAmount())
                .list("refunds", order.refunds().stream().map(NestedItems::refund).toList())
                .map("pending_refund", NestedItems.pendingRefund(order.pendingRefund()))
                .time("created_at", order.createdAt())
                .time("updated_at", order.updatedAt())
                .number(TableKeys.VERSION, version);
        item.string(TableKeys.GSI2_PK, TableKeys.orderStatusPk(order.status().name()))
                .string(TableKeys.GSI2_SK, TableKeys.openOrderSk(order.createdAt(), order.merchantUid()));
        if (order.status().isOpen()) {
            item.string(TableKeys.GSI1_PK, TableKeys.OPEN_ORDERS)
                    .string(TableKeys.GSI1_SK, TableKeys.openOrderSk(order.createdAt(), order.merchantUid()));
        } else if (order.pendingRefund() != null) {
            item.string(TableKeys.GSI1_PK, TableKeys.PENDING_REFUNDS)
                    .string(TableKeys.GSI1_SK, TableKeys.openOrderSk(order.pendingRefund().requestedAt(), order.merchantUid()));
        }
        return item.build();
    }

    @Override
    public Order fromItem(Map<String, AttributeValue> item) {
        ItemReader reader = new ItemReader(item);
        return reader.construct(() -> new Order(
                reader.string("merchant_uid"),
                reader.enumValue("kind", OrderKind.class),
                reader.optionalString("customer_id"),
                reader.string("name"),
                reader.number("amount"),
                reader.string("currency"),
                pg(reader),
                reader.optionalString("pay_method"),
                reader.list("lines", NestedItems::line),
                reader.enumValue("status", OrderStatus.class),
                reader.optionalString("imp_uid"),
                reader.optionalString("customer_uid"),
                reader.optionalString("subscription_id"),
                reader.optionalString("plan_id"),
                reader.optionalMap("virtual_account", NestedItems::virtualAccount),
                reader.optionalMap("card", NestedItems::card),
                reader.optionalString("fail_reason"),
                item.containsKey("refunded_amount") ? reader.number("refunded_amount") : 0,
                reader.list("refunds", NestedItems::refund),
                reader.optionalMap("pending_refund", NestedItems::pendingRefund),
                reader.time("created_at"),
                reader.time("updated_at"),
                reader.number(TableKeys.VERSION)));
    }

    @Override
    public long version(Order order) {
        return order.version();
    }

    static Pg pg(ItemReader reader) {
        String code = reader.string("pg");
        return Pg.fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown pg " + code));
    }
}
