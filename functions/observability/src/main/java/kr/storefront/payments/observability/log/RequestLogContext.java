package kr.storefront.payments.observability.log;

import org.slf4j.MDC;

/**
 * The ids every log line of an invocation carries ({@code aws_request_id}: Lambda's, set by
 * {@link LambdaLogFields}; {@code request_id}: API Gateway's, which error bodies quote, or Lambda's where
 * no API Gateway is in front).
 */
public final class RequestLogContext {

    public static final String AWS_REQUEST_ID = "aws_request_id";
    public static final String REQUEST_ID = "request_id";

    private RequestLogContext() {
    }

    /** The request id callers are given (API Gateway's). */
    public static void requestId(String requestId) {
        MDC.put(REQUEST_ID, requestId);
    }
}
