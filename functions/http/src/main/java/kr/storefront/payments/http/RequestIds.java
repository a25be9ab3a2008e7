package kr.storefront.payments.http;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/** API Gateway's request id, quoted in error bodies so a caller's report leads to the right log lines. */
public final class RequestIds {

    private RequestIds() {
    }

    public static Optional<String> of(HttpRequest<?> request) {
        return ApiGatewayEvents.of(request).map(event -> event.getRequestContext() == null ? null
                : event.getRequestContext().getRequestId());
    }
}
