package kr.storefront.payments.checkout.web;

import io.micronaut.http.HttpRequest;
import kr.storefront.payments.core.admin.AdminActor;
import kr.storefront.payments.http.IamCaller;
import kr.storefront.payments.http.RequestIds;

/** The audit trail's "who": the verified IAM signer and API Gateway's request id. */
final class AdminActors {

    private AdminActors() {
    }

    static AdminActor of(IamCaller caller, HttpRequest<?> request) {
        return new AdminActor(caller.arn(), RequestIds.of(request).orElse(null));
    }
}
