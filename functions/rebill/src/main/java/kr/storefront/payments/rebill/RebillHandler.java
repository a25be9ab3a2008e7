package kr.storefront.payments.rebill;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import kr.storefront.payments.core.rebill.RebillCommand;
import kr.storefront.payments.core.rebill.RebillConfiguration;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.core.rebill.RebillService;

/**
 * Lambda entry point of the scheduled rebill run (EventBridge Scheduler, {@code Input} delivered
 * verbatim). Translates the trigger into a command with the run's deadline and returns the report.
 *
 * <p>The deadline is the Lambda's own: {@code handleRequest} registers the invocation's {@link Context}
 * in the application context before calling {@link #execute} ({@code HandlerUtils.configureWithContext}),
 * so its remaining time is read here. Without one (a direct call) the run gets
 * {@code rebill.default-time-limit}.
 */
public class RebillHandler extends MicronautRequestHandler<RebillTrigger, RebillReport> {

    @Inject
    RebillService service;
    @Inject
    RebillConfiguration configuration;
    @Inject
    Clock clock;

    /** Used by the Lambda runtime: builds the application context during INIT. */
    public RebillHandler() {
    }

    /** Used by tests: runs inside the given context. */
    public RebillHandler(ApplicationContext context) {
        super(context);
    }

    /** @throws InvalidTriggerException when the input's scheduled_time is not a time */
    @Override
    public RebillReport execute(RebillTrigger trigger) {
        Instant now = clock.instant();
        Instant deadline = getApplicationContext().findBean(Context.class)
                .map(lambda -> now.plusMillis(lambda.getRemainingTimeInMillis()))
                .orElseGet(() -> now.plus(configuration.defaultTimeLimit()));
        return service.run(new RebillCommand(trigger.scheduledTimeOr(now), deadline));
    }
}
