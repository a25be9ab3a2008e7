package kr.storefront.payments.http;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import kr.storefront.payments.observability.log.RequestLogContext;

/** Puts API Gateway's request id (the one error bodies quote) on every log line of the request, first of all filters. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(RequestLogIds.ORDER)
final class RequestLogIds {

    static final int ORDER = RequestSizeLimit.ORDER - 1;

    @RequestFilter
    void tag(HttpRequest<?> request) {
        RequestIds.of(request).ifPresent(RequestLogContext::requestId);
    }
}
