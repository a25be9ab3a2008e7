package kr.storefront.payments.local;

import kr.storefront.payments.core.catalog.CatalogService;
import kr.storefront.payments.core.domain.BillingInterval;

/** A small catalog so the demo and the curl session have something to sell. */
final class SampleCatalog {

    private SampleCatalog() {
    }

    static void seed(CatalogService catalog) {
        catalog.upsertProduct("BEANS-1KG", "원두 1kg", 18_000, true);
        catalog.upsertProduct("DRIPPER", "세라믹 드리퍼", 25_000, true);
        catalog.upsertProduct("MUG", "머그컵", 9_000, true);
        catalog.upsertProduct("GIFT-SET", "선물 세트", 62_000, true);
        catalog.upsertPlan("monthly-coffee", "월간 원두 구독", 29_000, BillingInterval.months(1), true);
        catalog.upsertPlan("daily-tea", "매일 차 구독", 1_500, BillingInterval.days(1), true);
    }
}
