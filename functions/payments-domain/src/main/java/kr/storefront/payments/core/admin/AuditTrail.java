package kr.storefront.payments.core.admin;

import java.util.List;

/** Where administrative actions are recorded; entries are kept (no expiry) and never deleted by this service. */
public interface AuditTrail {

    /** Writes the entry, replacing the one of the same id (its outcome, once known). */
    void record(AuditEntry entry);

    /** Every entry about one order, oldest first. */
    List<AuditEntry> forOrder(String merchantUid);

    /** Every entry about any subscription of one customer, oldest first. */
    List<AuditEntry> forSubscriptionsOf(String customerId);

    /** Every entry about one product, oldest first. */
    List<AuditEntry> forProduct(String sku);

    /** Every entry about one plan, oldest first. */
    List<AuditEntry> forPlan(String planId);
}
