package kr.storefront.payments.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import kr.storefront.payments.core.catalog.CatalogStore;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.catalog.Product;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.store.InvalidCursorException;
import kr.storefront.payments.core.store.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CatalogStore} must do: run against the real store (its IT) and the fake (its test). */
public abstract class CatalogStoreContract {

    private static final Instant NOW = StoreSamples.NOW;

    private CatalogStore store;

    /** A store with no products and no plans. */
    protected abstract CatalogStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void save_replacesTheProductWithTheSameSku() {
        store.save(product("BEANS-1KG", 18000));
        store.save(product("BEANS-1KG", 19000));

        assertThat(store.findProducts(List.of("BEANS-1KG")).get("BEANS-1KG").price()).isEqualTo(19000);
    }

    @Test
    void findProducts_returnsTheOnesThatExist_bySku_andRepeatsCountOnce() {
        store.save(product("A", 1000));
        store.save(product("B", 2000));

        assertThat(store.findProducts(List.of("A", "A", "missing"))).containsOnlyKeys("A");
        assertThat(store.findProducts(List.of())).isEmpty();
    }

    @Test
    void findProducts_ofMoreThan100Skus_isRefused() {
        List<String> skus = IntStream.rangeClosed(1, 101).mapToObj(i -> "SKU-" + i).toList();

        assertThatThrownBy(() -> store.findProducts(skus)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listProducts_pagesInSkuOrder_withoutPlans() {
        for (String sku : List.of("C", "A", "E", "B", "D")) {
            store.save(product(sku, 1000));
        }
        store.save(plan("plan-1"));

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            Page<Product> page = store.listProducts(cursor, 2);
            page.items().forEach(product -> listed.add(product.sku()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(listed).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void findPlan_andListPlans_seeOnlyPlans() {
        store.save(plan("plan-b"));
        store.save(plan("plan-a"));
        store.save(product("plan-a", 1000));

        assertThat(store.findPlan("plan-a")).get().extracting(Plan::amount).isEqualTo(8900L);
        assertThat(store.findPlan("missing")).isEmpty();
        assertThat(store.listPlans(null, 10).items()).extracting(Plan::id).containsExactly("plan-a", "plan-b");
    }

    @Test
    void listProducts_withAMalformedCursor_isRefused() {
        assertThatThrownBy(() -> store.listProducts("not-base64!!", 1)).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void listPlans_withACursorOfTheProductList_isRefused_andTheOtherWayRound() {
        for (String id : List.of("A", "B", "C")) {
            store.save(product(id, 1000));
            store.save(plan("plan-" + id));
        }
        String productCursor = store.listProducts(null, 1).nextCursor();
        String planCursor = store.listPlans(null, 1).nextCursor();

        assertThat(productCursor).isNotNull();
        assertThat(planCursor).isNotNull();
        assertThatThrownBy(() -> store.listPlans(productCursor, 1)).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> store.listProducts(planCursor, 1)).isInstanceOf(InvalidCursorException.class);
        assertThat(store.listProducts(productCursor, 10).items()).extracting(Product::sku).containsExactly("B", "C");
    }

    private static Product product(String sku, long price) {
        return new Product(sku, "Product " + sku, price, true, false, NOW);
    }

    private static Plan plan(String id) {
        return new Plan(id, "Monthly plan", 8900, BillingInterval.months(1), true, true, NOW);
    }
}
