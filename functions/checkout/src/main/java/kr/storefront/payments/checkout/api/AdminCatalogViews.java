package kr.storefront.payments.checkout.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import kr.storefront.payments.checkout.api.CatalogViews.PlanView;
import kr.storefront.payments.checkout.api.CatalogViews.ProductView;
import kr.storefront.payments.core.admin.CatalogAdministration;

/** A catalog item as the back office sees it: the item and who changed it, when, from what. */
public final class AdminCatalogViews {

    private AdminCatalogViews() {
    }

    /** {@code GET /checkout/admin/products/{sku}}. */
    @Serdeable
    public record ProductRecordView(ProductView product, List<AuditView> audit) {
        public static ProductRecordView of(CatalogAdministration.ProductRecord record) {
            return new ProductRecordView(ProductView.of(record.product()), record.audit().stream().map(AuditView::of).toList());
        }
    }

    /** {@code GET /checkout/admin/plans/{plan_id}}. */
    @Serdeable
    public record PlanRecordView(PlanView plan, List<AuditView> audit) {
        public static PlanRecordView of(CatalogAdministration.PlanRecord record) {
            return new PlanRecordView(PlanView.of(record.plan()), record.audit().stream().map(AuditView::of).toList());
        }
    }
}
