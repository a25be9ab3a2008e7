package kr.storefront.payments.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses bodies over 64 KiB (413) before anything parses them. API Gateway lets up to 10 MB
 * through; no request of this API needs more than a few KiB.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(RequestSizeLimit.ORDER)
final class RequestSizeLimit {

    /** Before anything else reads the body ({@link StrictJsonBody} comes next). */
    static final int ORDER = 0;

    static final int MAX_BODY_BYTES = 64 * 1024;

    @RequestFilter
    @Nullable
    HttpResponse<ApiError> limit(HttpRequest<?> request) {
        long size = ApiGatewayEvents.of(request).map(event -> {
            String body = event.getBody();
            if (body == null) {
                return 0L;
            }
            // base64 carries 3 bytes in 4 characters
            return event.getIsBase64Encoded() ? body.length() * 3L / 4 : (long) body.length();
        }).orElse(request.getContentLength());
        if (size > MAX_BODY_BYTES) {
            return ApiErrors.response(request, null, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        }
        return null;
    }
}
