package kr.storefront.payments.checkout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.storefront.payments.checkout.api.AdminCatalogViews.PlanRecordView;
import kr.storefront.payments.checkout.api.AdminCatalogViews.ProductRecordView;
import kr.storefront.payments.checkout.api.CatalogViews.PlanView;
import kr.storefront.payments.checkout.api.CatalogViews.ProductView;
import kr.storefront.payments.checkout.api.PageView;
import kr.storefront.payments.checkout.api.PlanBody;
import kr.storefront.payments.checkout.api.ProductBody;
import kr.storefront.payments.core.admin.CatalogAdministration;
import kr.storefront.payments.core.catalog.CatalogService;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.http.IamCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The catalog: public listing, and for IAM-signed administrators audited upserts and lookups with their trail. */
@Controller("/checkout")
class CatalogController {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogController.class);
    private static final String ID = "[A-Za-z0-9_-]{1,64}";
    private static final String ID_MESSAGE = "1-64 letters, digits, '-' or '_'";

    private final CatalogService catalog;
    private final CatalogAdministration administration;

    CatalogController(CatalogService catalog, CatalogAdministration administration) {
        this.catalog = catalog;
        this.administration = administration;
    }

    @Get("/products")
    PageView<ProductView> products(@QueryValue @Nullable @Size(max = Paging.MAX_CURSOR_LENGTH) String cursor,
                                   @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) int limit) {
        return PageView.of(catalog.products(cursor, limit), ProductView::of);
    }

    @Get("/plans")
    PageView<PlanView> plans(@QueryValue @Nullable @Size(max = Paging.MAX_CURSOR_LENGTH) String cursor,
                             @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) int limit) {
        return PageView.of(catalog.plans(cursor, limit), PlanView::of);
    }

    @Put("/admin/products/{sku}")
    ProductView upsertProduct(IamCaller caller, HttpRequest<?> request,
                              @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String sku, @Body @Valid ProductBody body) {
        LOG.info("catalog: {} upserts product {}", caller.arn(), sku);
        return ProductView.of(administration.upsertProduct(AdminActors.of(caller, request), sku, body.name(), body.price(),
                body.active(), Boolean.TRUE.equals(body.digital())));
    }

    @Put("/admin/plans/{planId}")
    PlanView upsertPlan(IamCaller caller, HttpRequest<?> request,
                        @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String planId, @Body @Valid PlanBody body) {
        LOG.info("catalog: {} upserts plan {}", caller.arn(), planId);
        BillingInterval interval = new BillingInterval("day".equals(body.interval().unit())
                ? BillingInterval.Unit.DAY : BillingInterval.Unit.MONTH, body.interval().count());
        return PlanView.of(administration.upsertPlan(AdminActors.of(caller, request), planId, body.name(), body.amount(),
                interval, body.active(), Boolean.TRUE.equals(body.digital())));
    }

    /** One product, inactive ones too, with its audit trail (every upsert: who, when, what changed). */
    @Get("/admin/products/{sku}")
    ProductRecordView product(IamCaller caller, @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String sku) {
        return ProductRecordView.of(administration.product(sku));
    }

    /** One plan, inactive ones too, with its audit trail. */
    @Get("/admin/plans/{planId}")
    PlanRecordView plan(IamCaller caller, @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String planId) {
        return PlanRecordView.of(administration.plan(planId));
    }
}
