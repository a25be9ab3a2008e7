package kr.storefront.payments.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import kr.storefront.payments.core.domain.InvalidRequestException;

/**
 * Refuses a JSON body that is not exactly one JSON value ({@link SingleJsonValue}) before a route
 * binds it, from the raw event, as API Gateway delivered it. Only for routes that bind a body: the
 * webhook reads its raw body itself (JSON or form) and applies the same check there, so a malformed
 * delivery is still recorded. Runs after {@link RequestSizeLimit}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(RequestSizeLimit.ORDER + 1)
final class StrictJsonBody {

    @RequestFilter
    @Nullable
    HttpResponse<ApiError> check(HttpRequest<?> request) {
        if (!bindsBody(request) || !json(request)) {
            return null;
        }
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.of(request).orElse(null);
        if (event == null || event.getBody() == null) {
            return null;
        }
        try {
            SingleJsonValue.require(event.getIsBase64Encoded() ? Base64.getDecoder().decode(event.getBody())
                    : event.getBody().getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return ApiErrors.response(request, new InvalidRequestException("body", "not valid base64"), HttpStatus.BAD_REQUEST);
        } catch (InvalidRequestException e) {
            return ApiErrors.response(request, e, HttpStatus.BAD_REQUEST);
        }
        return null;
    }

    private static boolean bindsBody(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request).flatMap(RouteInfo::getBodyArgument).isPresent();
    }

    /** JSON, or no content type at all (the route then reads JSON); other types are refused by the route (415). */
    private static boolean json(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))
                .orElse(true);
    }
}
