package kr.storefront.payments.rebill;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the invocation must have returned: the Lambda's own deadline. {@code handleRequest} registers the
 * invocation's {@link Context} in the application context before calling {@code execute}
 * ({@code HandlerUtils.configureWithContext}), so its remaining time is read there. Without one (a direct
 * call) the invocation gets {@code fallback}.
 */
final class LambdaDeadline {

    private LambdaDeadline() {
    }

    static Instant of(ApplicationContext context, Clock clock, Duration fallback) {
        Instant now = clock.instant();
        return context.findBean(Context.class)
                .map(lambda -> now.plusMillis(lambda.getRemainingTimeInMillis()))
                .orElseGet(() -> now.plus(fallback));
    }
}
