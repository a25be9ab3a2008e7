package kr.storefront.payments.core.catalog;

import io.micronaut.core.annotation.Nullable;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import kr.storefront.payments.core.store.Page;

/** Products and plans, written by catalog administration and read at checkout. */
public interface CatalogStore {

    /** Creates or replaces a product. */
    void save(Product product);

    /** Creates or replaces a plan. */
    void save(Plan plan);

    /** The products with these SKUs that exist, by SKU (at most 100 SKUs). */
    Map<String, Product> findProducts(Collection<String> skus);

    Optional<Plan> findPlan(String planId);

    Page<Product> listProducts(@Nullable String cursor, int limit);

    Page<Plan> listPlans(@Nullable String cursor, int limit);
}
