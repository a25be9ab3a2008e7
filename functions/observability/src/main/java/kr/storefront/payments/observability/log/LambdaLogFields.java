package kr.storefront.payments.observability.log;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultDiagnosticInfoPopulator;
import io.micronaut.function.aws.DiagnosticInfoPopulator;
import io.micronaut.function.aws.XRayUtils;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

/**
 * Starts each invocation's log fields (micronaut-function-aws calls this first thing on every invocation,
 * API and rebill alike): the previous invocation's fields go; {@code aws_request_id} and {@code request_id}
 * are Lambda's (API Gateway's request id replaces the latter once the request is routed), and
 * {@code xray_trace_id} when tracing is on. Replaces the default, which adds the memory size and the time
 * left, taken once, to every line.
 */
@Singleton
@Replaces(DefaultDiagnosticInfoPopulator.class)
final class LambdaLogFields implements DiagnosticInfoPopulator {

    @Override
    public void populateMappingDiagnosticContextValues(Context context) {
        MDC.clear();
        if (context.getAwsRequestId() != null) {
            MDC.put(RequestLogContext.AWS_REQUEST_ID, context.getAwsRequestId());
            MDC.put(RequestLogContext.REQUEST_ID, context.getAwsRequestId());
        }
    }

    @Override
    public void populateMappingDiagnosticContextWithXrayTraceId() {
        XRayUtils.parseXrayTraceId().ifPresent(trace -> MDC.put("xray_trace_id", trace));
    }
}
