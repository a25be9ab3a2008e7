package kr.storefront.payments.verify;

import jakarta.inject.Singleton;
import java.util.List;
import kr.storefront.payments.snapstart.PrimingRoute;
import kr.storefront.payments.snapstart.PrimingRoutes;

/**
 * What verify routes through itself before a SnapStart snapshot: a redirect without ids, a PC
 * callback and both webhook shapes for an order the (in-process, empty) store does not have, and
 * a malformed body. i'mport is never called while priming, so these end in "unknown" or
 * "unavailable" answers without any network call.
 */
@Singleton
final class VerifyPrimingRoutes implements PrimingRoutes {

    @Override
    public List<PrimingRoute> routes() {
        return List.of(
                PrimingRoute.get("/payments/redirect"),
                PrimingRoute.postJson("/payments/confirm", "{\"imp_uid\":\"imp_000000000000\",\"merchant_uid\":\"ord_priming\"}"),
                PrimingRoute.postJson("/payments/confirm", "{\"imp_uid\":"),
                PrimingRoute.postJson("/webhooks/iamport", "{\"imp_uid\":\"imp_000000000000\",\"merchant_uid\":\"ord_priming\",\"status\":\"paid\"}"),
                PrimingRoute.postForm("/webhooks/iamport", "imp_uid=imp_000000000000&merchant_uid=ord_priming&status=paid"));
    }
}
