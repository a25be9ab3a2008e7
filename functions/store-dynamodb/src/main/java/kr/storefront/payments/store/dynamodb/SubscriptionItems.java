package kr.storefront.payments.store.dynamodb;

import java.util.Map;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Subscription item: {@code CUSTOMER#{customer_id} / SUBSCRIPTION#{id}}, in the due index while billable with a
 * next charge time and no open charge attempt ({@link Subscription#isScheduled()}).
 */
final class SubscriptionItems implements ItemMapper<Subscription> {

    @Override
    public Map<String, AttributeValue> toItem(Subscription subscription, long version) {
        ItemBuilder item = new ItemBuilder()
                .string(TableKeys.PK, TableKeys.customerPk(subscription.customerId()))
                .string(TableKeys.SK, TableKeys.subscriptionSk(subscription.id()))
                .string("type", "SUBSCRIPTION")
                .string("subscription_id", subscription.id())
                .string("customer_id", subscription.customerId())
                .string("customer_uid", subscription.customerUid())
                .string("plan_id", subscription.planId())
                .string("name", subscription.name())
                .number("amount", subscription.amount())
                .string("currency", subscription.currency())
                .enumValue("interval_unit", subscription.interval().unit())
                .number("interval_count", subscription.interval().count())
                .time("anchor_at", subscription.anchorAt())
                .number("period", subscription.period())
                .time("next_charge_at", subscription.nextChargeAt())
                .enumValue("status", subscription.status())
                .number("failed_attempts", subscription.failedAttempts())
                .bool("cancel_at_period_end", subscription.cancelAtPeriodEnd())
                .number("period_attempts", subscription.periodAttempts())
                .bool("attempt_open", subscription.attemptOpen())
                .time("created_at", subscription.createdAt())
                .time("updated_at", subscription.updatedAt())
                .number(TableKeys.VERSION, version);
        if (subscription.isScheduled()) {
            item.string(TableKeys.GSI1_PK, TableKeys.DUE_SUBSCRIPTIONS)
                    .string(TableKeys.GSI1_SK, TableKeys.dueSubscriptionSk(subscription.nextChargeAt(), subscription.id()));
        }
        return item.build();
    }

    @Override
    public Subscription fromItem(Map<String, AttributeValue> item) {
        ItemReader reader = new ItemReader(item);
        return reader.construct(() -> new Subscription(
                reader.string("subscription_id"),
                reader.string("customer_id"),
                reader.string("customer_uid"),
                reader.string("plan_id"),
                reader.string("name"),
                reader.number("amount"),
                reader.string("currency"),
                new BillingInterval(reader.enumValue("interval_unit", BillingInterval.Unit.class), reader.integer("interval_count")),
                reader.time("anchor_at"),
                reader.integer("period"),
                reader.optionalTime("next_charge_at"),
                reader.enumValue("status", SubscriptionStatus.class),
                reader.integer("failed_attempts"),
                reader.bool("cancel_at_period_end"),
                optionalCount(reader, "period_attempts"),
                reader.bool("attempt_open"),
                reader.time("created_at"),
                reader.time("updated_at"),
                reader.number(TableKeys.VERSION)));
    }

    /** Items written before attempts were counted on the subscription read as none begun. */
    private static int optionalCount(ItemReader reader, String name) {
        Integer value = reader.optionalInteger(name);
        return value == null ? 0 : value;
    }

    @Override
    public long version(Subscription subscription) {
        return subscription.version();
    }
}
