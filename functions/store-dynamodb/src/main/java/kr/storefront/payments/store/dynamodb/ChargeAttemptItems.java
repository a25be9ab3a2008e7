package kr.storefront.payments.store.dynamodb;

import java.util.Map;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Charge-attempt item: {@code CUSTOMER#{customer_id} / CHARGE#{subscription}#{period}#{attempt}}, indexed while unresolved. */
final class ChargeAttemptItems implements ItemMapper<ChargeAttempt> {

    @Override
    public Map<String, AttributeValue> toItem(ChargeAttempt attempt, long version) {
        ItemBuilder item = new ItemBuilder()
                .string(TableKeys.PK, TableKeys.customerPk(attempt.customerId()))
                .string(TableKeys.SK, TableKeys.chargeSk(attempt.subscriptionId(), attempt.period(), attempt.attempt()))
                .string("type", "CHARGE_ATTEMPT")
                .string("customer_id", attempt.customerId())
                .string("subscription_id", attempt.subscriptionId())
                .number("period", attempt.period())
                .number("attempt", attempt.attempt())
                .string("merchant_uid", attempt.merchantUid())
                .string("customer_uid", attempt.customerUid())
                .number("amount", attempt.amount())
                .string("currency", attempt.currency())
                .string("name", attempt.name())
                .enumValue("state", attempt.state())
                .string("imp_uid", attempt.impUid())
                .string("fail_reason", attempt.failReason())
                .time("created_at", attempt.createdAt())
                .time("updated_at", attempt.updatedAt())
                .number(TableKeys.VERSION, version);
        if (attempt.state().needsReconciliation()) {
            item.string(TableKeys.GSI1_PK, TableKeys.UNRESOLVED_CHARGES)
                    .string(TableKeys.GSI1_SK, TableKeys.unresolvedChargeSk(attempt.updatedAt(), attempt.merchantUid()));
        }
        return item.build();
    }

    @Override
    public ChargeAttempt fromItem(Map<String, AttributeValue> item) {
        ItemReader reader = new ItemReader(item);
        return reader.construct(() -> new ChargeAttempt(
                reader.string("customer_id"),
                reader.string("subscription_id"),
                reader.integer("period"),
                reader.integer("attempt"),
                reader.string("merchant_uid"),
                reader.string("customer_uid"),
                reader.number("amount"),
                reader.string("currency"),
                reader.string("name"),
                reader.enumValue("state", ChargeAttemptState.class),
                reader.optionalString("imp_uid"),
                reader.optionalString("fail_reason"),
                reader.time("created_at"),
                reader.time("updated_at"),
                reader.number(TableKeys.VERSION)));
    }

    @Override
    public long version(ChargeAttempt attempt) {
        return attempt.version();
    }
}
