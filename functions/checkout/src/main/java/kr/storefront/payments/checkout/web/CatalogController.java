package kr.storefront.payments.checkout.web;

import io.micronaut.core.annotation.Nullable;
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
import kr.storefront.payments.checkout.api.CatalogViews.PlanView;
import kr.storefront.payments.checkout.api.CatalogViews.ProductView;
import kr.storefront.payments.checkout.api.PageView;
import kr.storefront.payments.checkout.api.PlanBody;
import kr.storefront.payments.checkout.api.ProductBody;
import kr.storefront.payments.core.catalog.CatalogService;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.http.IamCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The catalog: public listing, and upserts for IAM-signed administrators. */
@Controller("/checkout")
class CatalogController {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogController.class);
    private static final String ID = "[A-Za-z0-9_-]{1,64}";

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
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
    ProductView upsertProduct(IamCaller caller, @PathVariable @Pattern(regexp = ID, message = "1-64 letters, digits, '-' or '_'")
                              String sku, @Body @Valid ProductBody body) {
        LOG.info("catalog: {} upserts product {}", caller.arn(), sku);
        return ProductView.of(catalog.upsertProduct(sku, body.name(), body.price(), body.active(),
                Boolean.TRUE.equals(body.digital())));
    }

    @Put("/admin/plans/{planId}")
    PlanView upsertPlan(IamCaller caller, @PathVariable @Pattern(regexp = ID, message = "1-64 letters, digits, '-' or '_'")
                        String planId, @Body @Valid PlanBody body) {
        LOG.info("catalog: {} upserts plan {}", caller.arn(), planId);
        BillingInterval interval = new BillingInterval("day".equals(body.interval().unit())
                ? BillingInterval.Unit.DAY : BillingInterval.Unit.MONTH, body.interval().count());
        return PlanView.of(catalog.upsertPlan(planId, body.name(), body.amount(), interval, body.active(),
                Boolean.TRUE.equals(body.digital())));
    }
}
