package kr.storefront.payments.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.codec.CodecException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import kr.storefront.payments.core.admin.SubscriptionActionRefusedException;
import kr.storefront.payments.core.checkout.AmountRegistrationException;
import kr.storefront.payments.core.checkout.BillingKeyInUseException;
import kr.storefront.payments.core.checkout.CardRejectedException;
import kr.storefront.payments.core.checkout.FeatureDisabledException;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.ResourceNotFoundException;
import kr.storefront.payments.core.iamport.IamportAuthenticationException;
import kr.storefront.payments.core.iamport.IamportProtocolException;
import kr.storefront.payments.core.iamport.IamportRejectedException;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.idempotency.IdempotencyKeyReusedException;
import kr.storefront.payments.core.json.JsonErrorPath;
import kr.storefront.payments.core.refund.RefundRefusedException;
import kr.storefront.payments.core.secrets.SecretUnavailableException;
import kr.storefront.payments.core.store.ConcurrentUpdateException;
import kr.storefront.payments.core.store.InvalidCursorException;
import kr.storefront.payments.core.store.StoreUnavailableException;
import kr.storefront.payments.snapstart.Priming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure's HTTP status, stable code and safe message, in one table. Used for our own
 * exceptions and for the errors Micronaut detects itself (bad JSON, wrong types, constraint
 * violations, unknown routes), so every error looks the same. Messages of exceptions from
 * outside (parsers, the framework) are never passed on: they can quote the rejected input.
 */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    /** The response for a failure; {@code status} is what the framework chose when the cause alone does not say. */
    static MutableHttpResponse<ApiError> response(HttpRequest<?> request, @Nullable Throwable cause, HttpStatus status) {
        Mapped mapped = map(cause, status);
        if (Priming.active()) {
            // SnapStart priming's own requests fail on purpose; they are no event worth a log line
        } else if (mapped.status().getCode() >= 500) {
            LOG.error("{} {} failed with {} ({})", request.getMethod(), request.getPath(), mapped.status().getCode(), mapped.code(),
                    cause);
        } else {
            LOG.info("{} {} refused with {} ({}): {}", request.getMethod(), request.getPath(), mapped.status().getCode(),
                    mapped.code(), mapped.message());
        }
        MutableHttpResponse<ApiError> response = HttpResponse.<ApiError>status(mapped.status()).body(new ApiError(
                new ApiError.Body(mapped.code(), mapped.message(), mapped.details().isEmpty() ? null : mapped.details()),
                RequestIds.of(request).orElse(null)));
        if (mapped.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", "5");
        }
        return response;
    }

    private record Mapped(HttpStatus status, String code, String message, List<ApiError.Detail> details) {
        Mapped(HttpStatus status, String code, String message) {
            this(status, code, message, List.of());
        }
    }

    private static Mapped map(@Nullable Throwable cause, HttpStatus status) {
        if (cause instanceof InvalidRequestException e) {
            return new Mapped(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage(),
                    e.problems().stream().map(p -> new ApiError.Detail(p.field(), p.message())).toList());
        }
        if (cause instanceof ConstraintViolationException e) {
            List<ApiError.Detail> details = e.getConstraintViolations().stream()
                    .map(v -> new ApiError.Detail(JsonFieldPath.of(v), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(ApiError.Detail::field)).toList();
            return new Mapped(HttpStatus.BAD_REQUEST, "invalid_request",
                    details.isEmpty() ? "invalid request" : details.get(0).field() + ": " + details.get(0).message(), details);
        }
        if (cause instanceof ConversionErrorException e) {
            return wrongShape(JsonNames.snakeCase(e.getArgument().getName()));
        }
        if (cause instanceof CodecException && status == HttpStatus.BAD_REQUEST) {
            // the body did not read as the route's type; Serde's error chain says which field, when one is at fault
            return wrongShape(JsonErrorPath.of(cause).orElse("body"));
        }
        if (cause instanceof InvalidCursorException e) {
            // a cursor of another list, another customer, or garbled: the caller's input, never an outage
            return new Mapped(HttpStatus.BAD_REQUEST, "invalid_cursor", "cursor: not a cursor of this list; start again without it",
                    List.of(new ApiError.Detail("cursor", e.getMessage())));
        }
        if (cause instanceof UnauthenticatedException e) {
            return new Mapped(HttpStatus.UNAUTHORIZED, "unauthenticated", e.getMessage());
        }
        if (cause instanceof ForbiddenException e) {
            return new Mapped(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
        }
        if (cause instanceof FeatureDisabledException e) {
            return new Mapped(HttpStatus.FORBIDDEN, "feature_disabled", e.getMessage());
        }
        if (cause instanceof ResourceNotFoundException e) {
            return new Mapped(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
        }
        if (cause instanceof IdempotencyKeyReusedException e) {
            return new Mapped(HttpStatus.CONFLICT, "idempotency_key_reused", e.getMessage());
        }
        if (cause instanceof BillingKeyInUseException e) {
            return new Mapped(HttpStatus.CONFLICT, "billing_key_in_use", e.getMessage(),
                    e.subscriptionIds().stream().map(id -> new ApiError.Detail("subscriptions", id)).toList());
        }
        if (cause instanceof ConcurrentUpdateException) {
            return new Mapped(HttpStatus.CONFLICT, "conflict", "the resource changed while it was being updated; retry");
        }
        if (cause instanceof RefundRefusedException e) {
            return refundRefused(e);
        }
        if (cause instanceof SubscriptionActionRefusedException e) {
            return subscriptionActionRefused(e);
        }
        if (cause instanceof CardRejectedException e) {
            return new Mapped(HttpStatus.UNPROCESSABLE_ENTITY, "card_rejected", e.getMessage());
        }
        if (cause instanceof IamportUnavailableException) {
            return new Mapped(HttpStatus.SERVICE_UNAVAILABLE, "iamport_unavailable", "i'mport is not answering; retry shortly");
        }
        if (cause instanceof SecretUnavailableException) {
            // missing, forbidden or Secrets Manager unreachable: logged with the secret's id, never named to the caller
            return new Mapped(HttpStatus.SERVICE_UNAVAILABLE, "credentials_unavailable",
                    "this service cannot read its i'mport credentials; retry shortly");
        }
        if (cause instanceof StoreUnavailableException) {
            return new Mapped(HttpStatus.SERVICE_UNAVAILABLE, "store_unavailable", "storage is not answering; retry shortly");
        }
        if (cause instanceof AmountRegistrationException || cause instanceof IamportRejectedException) {
            return new Mapped(HttpStatus.BAD_GATEWAY, "iamport_rejected", "i'mport refused the request");
        }
        if (cause instanceof IamportAuthenticationException) {
            return new Mapped(HttpStatus.BAD_GATEWAY, "iamport_misconfigured", "i'mport rejected this service's credentials");
        }
        if (cause instanceof IamportProtocolException) {
            return new Mapped(HttpStatus.BAD_GATEWAY, "iamport_unreadable", "i'mport answered in an unexpected shape");
        }
        return byStatus(status);
    }

    /** The message is ours, fixed per reason; i'mport's own (which can quote amounts) is logged, never answered. */
    private static Mapped refundRefused(RefundRefusedException e) {
        return switch (e.reason()) {
            case NOT_REFUNDABLE -> new Mapped(HttpStatus.CONFLICT, "order_not_refundable", e.getMessage());
            case REFUND_PENDING -> new Mapped(HttpStatus.CONFLICT, "refund_pending", e.getMessage());
            case EXCEEDS_REFUNDABLE -> new Mapped(HttpStatus.UNPROCESSABLE_ENTITY, "refund_exceeds_refundable", e.getMessage(),
                    List.of(new ApiError.Detail("amount", "more than what is still refundable")));
            case IAMPORT_REJECTED -> new Mapped(HttpStatus.UNPROCESSABLE_ENTITY, "refund_rejected", e.getMessage(),
                    e.iamportCode() == null ? List.of()
                            : List.of(new ApiError.Detail("iamport_code", String.valueOf(e.iamportCode()))));
        };
    }

    private static Mapped subscriptionActionRefused(SubscriptionActionRefusedException e) {
        return switch (e.reason()) {
            case NOT_PAUSABLE -> new Mapped(HttpStatus.CONFLICT, "subscription_not_pausable", e.getMessage());
            case NOT_PAUSED -> new Mapped(HttpStatus.CONFLICT, "subscription_not_paused", e.getMessage());
            case ALREADY_CANCELLED -> new Mapped(HttpStatus.CONFLICT, "subscription_cancelled", e.getMessage());
            case CHARGE_IN_FLIGHT -> new Mapped(HttpStatus.CONFLICT, "charge_in_flight", e.getMessage());
            case NOTHING_TO_REFUND -> new Mapped(HttpStatus.CONFLICT, "nothing_to_refund", e.getMessage());
        };
    }

    private static Mapped wrongShape(String field) {
        return new Mapped(HttpStatus.BAD_REQUEST, "invalid_request", "the request body is not valid JSON of the expected shape",
                List.of(new ApiError.Detail(field, "missing, malformed or of the wrong type")));
    }

    /** Errors the framework found before any of our code ran. */
    private static Mapped byStatus(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> new Mapped(status, "not_found", "no such route");
            case METHOD_NOT_ALLOWED -> new Mapped(status, "method_not_allowed", "this route does not accept that method");
            case UNSUPPORTED_MEDIA_TYPE -> new Mapped(status, "unsupported_media_type", "send application/json");
            case NOT_ACCEPTABLE -> new Mapped(status, "not_acceptable", "this route answers application/json");
            case REQUEST_ENTITY_TOO_LARGE -> new Mapped(status, "payload_too_large", "request body too large");
            case UNAUTHORIZED -> new Mapped(status, "unauthenticated", "sign in");
            case FORBIDDEN -> new Mapped(status, "forbidden", "not allowed");
            default -> status.getCode() < 500
                    ? new Mapped(status, "invalid_request", "the request is missing a required part or is malformed")
                    : new Mapped(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "internal error; quote the request_id");
        };
    }
}
