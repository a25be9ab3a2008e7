package kr.storefront.payments.rebill;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the scheduled rebill run. Thin shell for now: the charging run lands with
 * the rebill issue.
 */
public class RebillHandler extends MicronautRequestHandler<RebillTrigger, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(RebillHandler.class);

    /** Used by the Lambda runtime: builds the application context during INIT. */
    public RebillHandler() {
    }

    /** Used by tests: runs inside the given context. */
    public RebillHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public Map<String, Object> execute(RebillTrigger trigger) {
        LOG.info("rebill run for scheduled time {}: not implemented yet", trigger.scheduledTime());
        return Map.of("implemented", false);
    }
}
