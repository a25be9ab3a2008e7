package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.catalog.Product;

/** Catalog entries as the storefront sees them. */
public final class CatalogViews {

    private CatalogViews() {
    }

    /** A product. */
    @Serdeable
    public record ProductView(String sku, String name, long price, boolean active, boolean digital) {
        public static ProductView of(Product product) {
            return new ProductView(product.sku(), product.name(), product.price(), product.active(), product.digital());
        }
    }

    /** A plan. */
    @Serdeable
    public record PlanView(@JsonProperty("plan_id") String planId, String name, long amount,
                           SubscriptionView.IntervalView interval, boolean active, boolean digital) {
        public static PlanView of(Plan plan) {
            return new PlanView(plan.id(), plan.name(), plan.amount(), new SubscriptionView.IntervalView(
                    plan.interval().unit().name().toLowerCase(Locale.ROOT), plan.interval().count()), plan.active(), plan.digital());
        }
    }
}
