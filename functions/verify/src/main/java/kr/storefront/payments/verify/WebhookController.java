package kr.storefront.payments.verify;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import kr.storefront.payments.core.confirm.WebhookNotification;
import kr.storefront.payments.core.confirm.WebhookService;
import kr.storefront.payments.core.confirm.WebhookVerdict;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.http.ApiGatewayEvents;
import kr.storefront.payments.http.ApiResponses;

/**
 * {@code POST /webhooks/iamport}: i'mport's notification, JSON or form. Answers 200 once handled,
 * 4xx for forged or unknown ids (a retry cannot help), 5xx only when a retry can (i'mport or the
 * store unreachable).
 */
@Controller("/webhooks/iamport")
class WebhookController {

    /** The body of a 200: i'mport only looks at the status. */
    @Serdeable
    record Handled(String result) { }

    private final WebhookService webhooks;
    private final JsonMapper json;

    WebhookController(WebhookService webhooks, JsonMapper json) {
        this.webhooks = webhooks;
        this.json = json;
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    HttpResponse<?> receive(HttpRequest<?> request) {
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.of(request)
                .orElseThrow(() -> new IllegalStateException("not running behind API Gateway"));
        String sourceIp = ApiGatewayEvents.sourceIp(event).orElse(null);
        WebhookNotification notification;
        try {
            notification = WebhookBodies.parse(contentType(event), event.getBody(), event.getIsBase64Encoded(), json);
        } catch (InvalidRequestException e) {
            webhooks.recordMalformed(sourceIp, e.getMessage());
            throw e;
        }
        WebhookVerdict verdict = webhooks.receive(notification, sourceIp);
        return switch (verdict) {
            case HANDLED -> HttpResponse.ok(new Handled("handled"));
            case UNKNOWN -> ApiResponses.error(request, HttpStatus.NOT_FOUND, "not_found", "no such payment or order");
            case REJECTED -> ApiResponses.error(request, HttpStatus.BAD_REQUEST, "payment_mismatch",
                    "the ids do not name one acceptable payment");
            case SOURCE_NOT_ALLOWED -> ApiResponses.error(request, HttpStatus.FORBIDDEN, "forbidden", "sender not allowed");
            case RETRY_LATER -> ApiResponses.error(request, HttpStatus.SERVICE_UNAVAILABLE, "retry_later",
                    "could not confirm now; send again");
        };
    }

    private static String contentType(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
