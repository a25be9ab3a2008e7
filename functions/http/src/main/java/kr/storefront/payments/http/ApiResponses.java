package kr.storefront.payments.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Error answers a controller decides itself (not from an exception), in the same {@link ApiError} shape. */
public final class ApiResponses {

    private ApiResponses() {
    }

    public static MutableHttpResponse<ApiError> error(HttpRequest<?> request, HttpStatus status, String code, String message) {
        MutableHttpResponse<ApiError> response = HttpResponse.<ApiError>status(status).body(new ApiError(
                new ApiError.Body(code, message, null), RequestIds.of(request).orElse(null)));
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", "60");
        }
        return response;
    }
}
