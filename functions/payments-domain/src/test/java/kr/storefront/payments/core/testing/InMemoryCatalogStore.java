package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.storefront.payments.core.catalog.CatalogStore;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.catalog.Product;
import kr.storefront.payments.core.store.Page;

/**
 * {@link CatalogStore} in memory: saves replace, lists go in SKU / plan id order, and a lookup of more than 100
 * distinct SKUs is refused as the real batch read refuses it.
 */
public final class InMemoryCatalogStore implements CatalogStore {

    /** DynamoDB's BatchGetItem limit, which the real store enforces. */
    private static final int MAX_SKUS = 100;

    /**
     * Products and plans share one partition in the real table, so a cursor of either list is accepted by the other
     * (resuming after its key, which sorts all plans before all products); the fake keys them the same way.
     */
    private static final String CATALOG = "CATALOG";

    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, Plan> plans = new HashMap<>();
    private final StoreFaults faults = new StoreFaults("catalog", CatalogStore.class);

    @Override
    public synchronized void save(Product product) {
        faults.beforeCall("save");
        products.put(product.sku(), StoredForm.product(product));
        faults.afterWrite("save");
    }

    @Override
    public synchronized void save(Plan plan) {
        faults.beforeCall("save");
        plans.put(plan.id(), StoredForm.plan(plan));
        faults.afterWrite("save");
    }

    @Override
    public synchronized Map<String, Product> findProducts(Collection<String> skus) {
        faults.beforeCall("findProducts");
        Set<String> distinct = new LinkedHashSet<>(skus);
        if (distinct.size() > MAX_SKUS) {
            throw new IllegalArgumentException("at most 100 keys per batch read");
        }
        Map<String, Product> found = new HashMap<>();
        distinct.stream().filter(products::containsKey).forEach(sku -> found.put(sku, products.get(sku)));
        return found;
    }

    @Override
    public synchronized Optional<Plan> findPlan(String planId) {
        faults.beforeCall("findPlan");
        return Optional.ofNullable(plans.get(planId));
    }

    @Override
    public synchronized Page<Product> listProducts(@Nullable String cursor, int limit) {
        faults.beforeCall("listProducts");
        return PageCursors.page(CATALOG + "/PRODUCT#", products.values(), product -> "PRODUCT#" + product.sku(), cursor, limit);
    }

    @Override
    public synchronized Page<Plan> listPlans(@Nullable String cursor, int limit) {
        faults.beforeCall("listPlans");
        return PageCursors.page(CATALOG + "/PLAN#", plans.values(), plan -> "PLAN#" + plan.id(), cursor, limit);
    }

    /** Every product stored, in SKU order (no faults apply). */
    public synchronized List<Product> products() {
        return products.values().stream().sorted(Comparator.comparing(Product::sku)).toList();
    }

    /** Every plan stored, in id order (no faults apply). */
    public synchronized List<Plan> plans() {
        return plans.values().stream().sorted(Comparator.comparing(Plan::id)).toList();
    }

    public StoreFaults faults() {
        return faults;
    }
}
