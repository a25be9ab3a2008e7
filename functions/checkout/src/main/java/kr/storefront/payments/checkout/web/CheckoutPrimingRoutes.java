package kr.storefront.payments.checkout.web;

import jakarta.inject.Singleton;
import java.util.List;
import kr.storefront.payments.snapstart.PrimingRoute;
import kr.storefront.payments.snapstart.PrimingRoutes;

/**
 * What checkout routes through itself before a SnapStart snapshot: the public listings, an order
 * whose items the (in-process, empty) catalog does not have, malformed JSON, a customer route
 * without a token. None of them reaches i'mport or stores anything.
 */
@Singleton
final class CheckoutPrimingRoutes implements PrimingRoutes {

    @Override
    public List<PrimingRoute> routes() {
        return List.of(
                PrimingRoute.get("/checkout/pgs"),
                PrimingRoute.get("/checkout/products"),
                PrimingRoute.get("/checkout/plans"),
                PrimingRoute.postJson("/checkout/orders", """
                        {"items":[{"sku":"PRIMING-1","quantity":2},{"sku":"PRIMING-2","quantity":1}],"pg":"tosspayments",
                         "pay_method":"card","device":"mobile","buyer":{"name":"priming","tel":"010-0000-0000",
                         "email":"priming@example.invalid"},"display":{"card_quota":[0,2,3]}}"""),
                PrimingRoute.postJson("/checkout/orders", "{\"items\":"),
                PrimingRoute.get("/checkout/billing-keys"));
    }
}
