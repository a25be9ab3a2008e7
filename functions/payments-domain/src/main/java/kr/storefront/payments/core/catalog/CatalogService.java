package kr.storefront.payments.core.catalog;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.store.Page;

/** Catalog administration (upserts) and the public catalog listing. */
@Singleton
public class CatalogService {

    private final CatalogStore catalog;
    private final Clock clock;

    CatalogService(CatalogStore catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A physical product. */
    public Product upsertProduct(String sku, String name, long price, boolean active) {
        return upsertProduct(sku, name, price, active, false);
    }

    public Product upsertProduct(String sku, String name, long price, boolean active, boolean digital) {
        Product product = new Product(sku, name, price, active, digital, clock.instant());
        catalog.save(product);
        return product;
    }

    /** A plan delivering physical goods. */
    public Plan upsertPlan(String planId, String name, long amount, BillingInterval interval, boolean active) {
        return upsertPlan(planId, name, amount, interval, active, false);
    }

    public Plan upsertPlan(String planId, String name, long amount, BillingInterval interval, boolean active, boolean digital) {
        Plan plan = new Plan(planId, name, amount, interval, active, digital, clock.instant());
        catalog.save(plan);
        return plan;
    }

    public Page<Product> products(@Nullable String cursor, int limit) {
        return catalog.listProducts(cursor, limit);
    }

    public Page<Plan> plans(@Nullable String cursor, int limit) {
        return catalog.listPlans(cursor, limit);
    }
}
