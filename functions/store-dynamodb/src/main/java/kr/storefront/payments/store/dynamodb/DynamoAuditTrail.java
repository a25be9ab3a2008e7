package kr.storefront.payments.store.dynamodb;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.admin.AuditEntry;
import kr.storefront.payments.core.admin.AuditSubject;
import kr.storefront.payments.core.admin.AuditTrail;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Audit entries, in their subject's partition so the subject's read lists them in one Query:
 * {@code ORDER#{merchant_uid} / AUDIT#{at}#{id}}, {@code CUSTOMER#{customer_id} / AUDIT#SUBSCRIPTION#{id}#{at}#{id}},
 * {@code CATALOG / AUDIT#PRODUCT#{sku}#{at}#{id}} and {@code CATALOG / AUDIT#PLAN#{plan_id}#{at}#{id}}.
 * No TTL: they are kept.
 */
@Singleton
final class DynamoAuditTrail implements AuditTrail {

    private static final int PAGE = 100;

    private final DynamoTable table;

    DynamoAuditTrail(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void record(AuditEntry entry) {
        AuditSubject subject = entry.subject();
        String pk;
        String sk;
        if (subject.isOrder()) {
            pk = TableKeys.orderPk(subject.merchantUid());
            sk = TableKeys.orderAuditSk(entry.at(), entry.id());
        } else if (subject.isSubscription()) {
            pk = TableKeys.customerPk(subject.customerId());
            sk = TableKeys.subscriptionAuditSk(subject.subscriptionId(), entry.at(), entry.id());
        } else {
            pk = TableKeys.CATALOG_PK;
            sk = subject.sku() != null ? TableKeys.catalogAuditSk(TableKeys.PRODUCT_AUDIT_PREFIX, subject.sku(), entry.at(), entry.id())
                    : TableKeys.catalogAuditSk(TableKeys.PLAN_AUDIT_PREFIX, subject.planId(), entry.at(), entry.id());
        }
        table.put(new ItemBuilder()
                .string(TableKeys.PK, pk)
                .string(TableKeys.SK, sk)
                .string("type", "AUDIT")
                .string("entry_id", entry.id())
                .string("merchant_uid", subject.merchantUid())
                .string("customer_id", subject.customerId())
                .string("subscription_id", subject.subscriptionId())
                .string("sku", subject.sku())
                .string("plan_id", subject.planId())
                .time("at", entry.at())
                .string("principal_arn", entry.principalArn())
                .string("request_id", entry.requestId())
                .string("action", entry.action())
                .string("detail", entry.detail())
                .string("outcome", entry.outcome())
                .build());
    }

    @Override
    public List<AuditEntry> forOrder(String merchantUid) {
        return list(QuerySpec.withPrefix(TableKeys.orderPk(merchantUid), TableKeys.AUDIT_PREFIX));
    }

    @Override
    public List<AuditEntry> forSubscriptionsOf(String customerId) {
        List<AuditEntry> entries = list(QuerySpec.withPrefix(TableKeys.customerPk(customerId), TableKeys.SUBSCRIPTION_AUDIT_PREFIX));
        // the sort key orders by subscription first; callers want time order
        entries.sort(java.util.Comparator.comparing(AuditEntry::at));
        return entries;
    }

    @Override
    public List<AuditEntry> forProduct(String sku) {
        return list(QuerySpec.withPrefix(TableKeys.CATALOG_PK, TableKeys.catalogAuditPrefix(TableKeys.PRODUCT_AUDIT_PREFIX, sku)));
    }

    @Override
    public List<AuditEntry> forPlan(String planId) {
        return list(QuerySpec.withPrefix(TableKeys.CATALOG_PK, TableKeys.catalogAuditPrefix(TableKeys.PLAN_AUDIT_PREFIX, planId)));
    }

    private List<AuditEntry> list(QuerySpec query) {
        List<AuditEntry> entries = new ArrayList<>();
        String cursor = null;
        do {
            DynamoTable.ItemPage page = table.query(query, cursor, PAGE);
            page.items().forEach(item -> entries.add(entry(item)));
            cursor = page.nextCursor();
        } while (cursor != null);
        return entries;
    }

    private static AuditEntry entry(Map<String, AttributeValue> item) {
        ItemReader reader = new ItemReader(item);
        return reader.construct(() -> new AuditEntry(reader.string("entry_id"),
                new AuditSubject(reader.optionalString("merchant_uid"), reader.optionalString("customer_id"),
                        reader.optionalString("subscription_id"), reader.optionalString("sku"), reader.optionalString("plan_id")),
                reader.time("at"), reader.string("principal_arn"), reader.optionalString("request_id"), reader.string("action"),
                reader.string("detail"), reader.string("outcome")));
    }
}
