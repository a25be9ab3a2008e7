package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kr.storefront.payments.core.catalog.CatalogStore;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.catalog.Product;
import kr.storefront.payments.core.store.Page;

@Singleton
final class DynamoCatalogStore implements CatalogStore {

    private final DynamoTable table;

    DynamoCatalogStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void save(Product product) {
        table.put(CatalogItems.product(product));
    }

    @Override
    public void save(Plan plan) {
        table.put(CatalogItems.plan(plan));
    }

    @Override
    public Map<String, Product> findProducts(Collection<String> skus) {
        List<DynamoTable.Key> keys = new LinkedHashSet<>(skus).stream()
                .map(sku -> new DynamoTable.Key(TableKeys.CATALOG_PK, TableKeys.productSk(sku)))
                .toList();
        return table.getAll(keys).stream().map(CatalogItems::product)
                .collect(Collectors.toMap(Product::sku, product -> product));
    }

    @Override
    public Optional<Plan> findPlan(String planId) {
        return table.get(TableKeys.CATALOG_PK, TableKeys.planSk(planId)).map(CatalogItems::plan);
    }

    @Override
    public Page<Product> listProducts(@Nullable String cursor, int limit) {
        DynamoTable.ItemPage page = table.query(QuerySpec.withPrefix(TableKeys.CATALOG_PK, TableKeys.PRODUCT_PREFIX), cursor, limit);
        return new Page<>(page.items().stream().map(CatalogItems::product).toList(), page.nextCursor());
    }

    @Override
    public Page<Plan> listPlans(@Nullable String cursor, int limit) {
        DynamoTable.ItemPage page = table.query(QuerySpec.withPrefix(TableKeys.CATALOG_PK, TableKeys.PLAN_PREFIX), cursor, limit);
        return new Page<>(page.items().stream().map(CatalogItems::plan).toList(), page.nextCursor());
    }
}
