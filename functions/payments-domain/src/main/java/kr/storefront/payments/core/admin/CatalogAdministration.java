package kr.storefront.payments.core.admin;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import kr.storefront.payments.core.catalog.CatalogService;
import kr.storefront.payments.core.catalog.CatalogStore;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.catalog.Product;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.ResourceNotFoundException;

/**
 * Catalog upserts, each one audited with what it changed (a price is money: who set it, when, from what), and the back
 * office's view of one product or plan with that trail.
 */
@Singleton
public class CatalogAdministration {

    private final CatalogService catalog;
    private final CatalogStore store;
    private final AuditTrail audit;
    private final AdminAudit audited;

    CatalogAdministration(CatalogService catalog, CatalogStore store, AuditTrail audit, AdminAudit audited) {
        this.catalog = catalog;
        this.store = store;
        this.audit = audit;
        this.audited = audited;
    }

    /** A product and the administrative actions on it, oldest first. */
    public record ProductRecord(Product product, List<AuditEntry> audit) {
    }

    /** A plan and the administrative actions on it, oldest first. */
    public record PlanRecord(Plan plan, List<AuditEntry> audit) {
    }

    public Product upsertProduct(AdminActor actor, String sku, String name, long price, boolean active, boolean digital) {
        Optional<Product> before = findProduct(sku);
        String detail = before.map(p -> changes(
                        nameChange(p.name(), name), change("price", p.price(), price, true),
                        change("active", p.active(), active, false), change("digital", p.digital(), digital, false)))
                .orElse("new: " + price + " won, " + flags(active, digital));
        return audited.run(actor, AuditSubject.product(sku), "upsert", detail,
                () -> catalog.upsertProduct(sku, name, price, active, digital), p -> "saved");
    }

    public Plan upsertPlan(AdminActor actor, String planId, String name, long amount, BillingInterval interval, boolean active,
                           boolean digital) {
        Optional<Plan> before = store.findPlan(planId);
        String detail = before.map(p -> changes(
                        nameChange(p.name(), name), change("amount", p.amount(), amount, true),
                        change("interval", words(p.interval()), words(interval), false),
                        change("active", p.active(), active, false), change("digital", p.digital(), digital, false)))
                .orElse("new: " + amount + " won every " + words(interval) + ", " + flags(active, digital));
        return audited.run(actor, AuditSubject.plan(planId), "upsert", detail,
                () -> catalog.upsertPlan(planId, name, amount, interval, active, digital), p -> "saved");
    }

    /** @throws ResourceNotFoundException when there is no such product */
    public ProductRecord product(String sku) {
        Product product = findProduct(sku).orElseThrow(() -> new ResourceNotFoundException("product"));
        return new ProductRecord(product, audit.forProduct(sku));
    }

    /** @throws ResourceNotFoundException when there is no such plan */
    public PlanRecord plan(String planId) {
        Plan plan = store.findPlan(planId).orElseThrow(() -> new ResourceNotFoundException("plan"));
        return new PlanRecord(plan, audit.forPlan(planId));
    }

    private Optional<Product> findProduct(String sku) {
        return Optional.ofNullable(store.findProducts(List.of(sku)).get(sku));
    }

    /** One field's change in words, or null when it did not change. */
    private static String change(String field, Object before, Object after, boolean won) {
        return before.equals(after) ? null : field + " " + before + " → " + after + (won ? " won" : "");
    }

    /** A name is free text: its values are not repeated in the trail. */
    private static String nameChange(String before, String after) {
        return before.equals(after) ? null : "name changed";
    }

    private static String changes(String... changes) {
        List<String> made = Stream.of(changes).filter(Objects::nonNull).toList();
        return made.isEmpty() ? "unchanged" : String.join(", ", made);
    }

    private static String flags(boolean active, boolean digital) {
        return (active ? "active" : "inactive") + ", " + (digital ? "digital" : "physical");
    }

    private static String words(BillingInterval interval) {
        return interval.count() + " " + interval.unit().name().toLowerCase(Locale.ROOT) + (interval.count() == 1 ? "" : "s");
    }
}
