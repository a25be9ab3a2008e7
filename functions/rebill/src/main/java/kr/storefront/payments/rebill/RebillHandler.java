package kr.storefront.payments.rebill;

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
 * Lambda entry point of the scheduled rebill run, the planner (EventBridge Scheduler, {@code Input} delivered
 * verbatim). Translates the trigger into a command with the run's deadline ({@link LambdaDeadline}; without a
 * Lambda context {@code rebill.default-time-limit}) and returns the report. {@link RebillWorkerHandler} charges
 * what it queues.
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
        Instant deadline = LambdaDeadline.of(getApplicationContext(), clock, configuration.defaultTimeLimit());
        return service.run(new RebillCommand(trigger.scheduledTimeOr(clock.instant()), deadline));
    }
}
