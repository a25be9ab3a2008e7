package kr.storefront.payments.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The one error shape of this API:
 * <pre>{"error": {"code": "invalid_request", "message": "...", "details": [{"field": "...", "message": "..."}]},
 *  "request_id": "..."}</pre>
 * {@code code} is stable and meant for programs; {@code message} is for developers. Neither ever
 * quotes a rejected value, a secret or a stack trace.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(Body error, @JsonProperty("request_id") @Nullable String requestId) {

    /** The error itself. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Body(String code, String message, @Nullable List<Detail> details) { }

    /** One field at fault. */
    @Serdeable
    public record Detail(String field, String message) { }
}
