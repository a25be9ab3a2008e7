package kr.storefront.payments.bench.declarative;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/** The bearer token, as our functions would add it. */
@ClientFilter("/**")
final class BearerFilter {

    @RequestFilter
    void bearer(MutableHttpRequest<?> request) {
        request.bearerAuth("x");
    }
}
