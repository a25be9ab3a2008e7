package kr.storefront.payments.store.dynamodb;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.storefront.payments.core.confirm.WebhookDelivery;
import kr.storefront.payments.core.confirm.WebhookLog;
import kr.storefront.payments.core.confirm.WebhookVerdict;

/** Webhook deliveries: {@code WEBHOOK#{imp_uid} / DELIVERY#{received_at}#{random}}, expiring through the table's TTL. */
@Singleton
final class DynamoWebhookLog implements WebhookLog {

    private static final int PAGE = 100;

    private final DynamoTable table;

    DynamoWebhookLog(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void record(WebhookDelivery delivery) {
        table.put(new ItemBuilder()
                .string(TableKeys.PK, TableKeys.webhookPk(delivery.impUid()))
                .string(TableKeys.SK, TableKeys.deliverySk(delivery.receivedAt(), UUID.randomUUID().toString()))
                .string("type", "WEBHOOK_DELIVERY")
                .string("imp_uid", delivery.impUid())
                .string("merchant_uid", delivery.merchantUid())
                .string("status", delivery.status())
                .string("cancellation_id", delivery.cancellationId())
                .string("source_ip", delivery.sourceIp())
                .time("received_at", delivery.receivedAt())
                .enumValue("verdict", delivery.verdict())
                .string("detail", delivery.detail())
                .number(TableKeys.EXPIRES_AT, delivery.expiresAt().getEpochSecond())
                .build());
    }

    @Override
    public List<WebhookDelivery> deliveries(String impUid) {
        List<WebhookDelivery> deliveries = new ArrayList<>();
        String cursor = null;
        do {
            DynamoTable.ItemPage page = table.query(QuerySpec.withPrefix(TableKeys.webhookPk(impUid), TableKeys.DELIVERY_PREFIX), cursor, PAGE);
            page.items().forEach(item -> {
                ItemReader reader = new ItemReader(item);
                deliveries.add(reader.construct(() -> new WebhookDelivery(reader.string("imp_uid"),
                        reader.optionalString("merchant_uid"), reader.optionalString("status"),
                        reader.optionalString("cancellation_id"), reader.optionalString("source_ip"), reader.time("received_at"),
                        reader.enumValue("verdict", WebhookVerdict.class), reader.string("detail"),
                        java.time.Instant.ofEpochSecond(reader.number(TableKeys.EXPIRES_AT)))));
            });
            cursor = page.nextCursor();
        } while (cursor != null);
        return deliveries;
    }
}
