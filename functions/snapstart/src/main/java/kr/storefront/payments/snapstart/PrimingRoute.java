package kr.storefront.payments.snapstart;

import io.micronaut.core.annotation.Nullable;

/**
 * One request an HTTP function routes through itself before a SnapStart snapshot. It must need no
 * network: the store is answered in-process while priming and i'mport is never called, so pick
 * requests that end in a validation error, a lookup miss or a static answer.
 *
 * @param method       HTTP method
 * @param path         route path
 * @param contentType  body type, or null without a body
 * @param body         the body, or null
 */
public record PrimingRoute(String method, String path, @Nullable String contentType, @Nullable String body) {

    public static PrimingRoute get(String path) {
        return new PrimingRoute("GET", path, null, null);
    }

    public static PrimingRoute postJson(String path, String json) {
        return new PrimingRoute("POST", path, "application/json", json);
    }

    public static PrimingRoute postForm(String path, String form) {
        return new PrimingRoute("POST", path, "application/x-www-form-urlencoded", form);
    }
}
