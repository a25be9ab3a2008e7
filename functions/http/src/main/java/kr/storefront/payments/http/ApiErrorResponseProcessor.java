package kr.storefront.payments.http;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Replaces Micronaut's default error body, so framework-detected errors take our {@link ApiError} shape too. */
@Singleton
final class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> baseResponse) {
        MutableHttpResponse<ApiError> mapped = ApiErrors.response(context.getRequest(), context.getRootCause().orElse(null),
                baseResponse.status());
        baseResponse.getHeaders().forEach((name, values) -> {
            if (!mapped.getHeaders().contains(name)) {
                values.forEach(value -> mapped.header(name, value));
            }
        });
        return mapped;
    }
}
