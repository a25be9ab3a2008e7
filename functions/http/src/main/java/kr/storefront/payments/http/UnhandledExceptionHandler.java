package kr.storefront.payments.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Every exception no more specific handler took: mapped by {@link ApiErrors}, 500 when unknown. */
@Produces
@Singleton
final class UnhandledExceptionHandler implements ExceptionHandler<Exception, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, Exception exception) {
        return ApiErrors.response(request, exception, HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
