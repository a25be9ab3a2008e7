package kr.storefront.payments.core.testing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.admin.AuditEntry;
import kr.storefront.payments.core.admin.AuditTrail;

/** {@link AuditTrail} in memory: entries by id (a rewrite replaces), listed by time to the millisecond, then id. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final Map<String, AuditEntry> entries = new LinkedHashMap<>();
    private final StoreFaults faults = new StoreFaults("auditTrail", AuditTrail.class);

    @Override
    public synchronized void record(AuditEntry entry) {
        faults.beforeCall("record");
        entries.put(entry.id(), new AuditEntry(entry.id(), entry.subject(), entry.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                entry.principalArn(), entry.requestId(), entry.action(), entry.detail(), entry.outcome()));
        faults.afterWrite("record");
    }

    @Override
    public synchronized List<AuditEntry> forOrder(String merchantUid) {
        faults.beforeCall("forOrder");
        return sorted(entries.values().stream().filter(e -> merchantUid.equals(e.subject().merchantUid())).toList());
    }

    @Override
    public synchronized List<AuditEntry> forSubscriptionsOf(String customerId) {
        faults.beforeCall("forSubscriptionsOf");
        return sorted(entries.values().stream().filter(e -> customerId.equals(e.subject().customerId())).toList());
    }

    @Override
    public synchronized List<AuditEntry> forProduct(String sku) {
        faults.beforeCall("forProduct");
        return sorted(entries.values().stream().filter(e -> sku.equals(e.subject().sku())).toList());
    }

    @Override
    public synchronized List<AuditEntry> forPlan(String planId) {
        faults.beforeCall("forPlan");
        return sorted(entries.values().stream().filter(e -> planId.equals(e.subject().planId())).toList());
    }

    private static List<AuditEntry> sorted(List<AuditEntry> list) {
        return list.stream().sorted(Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id)).toList();
    }

    public StoreFaults faults() {
        return faults;
    }
}
