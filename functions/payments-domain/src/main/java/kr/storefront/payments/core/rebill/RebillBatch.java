package kr.storefront.payments.core.rebill;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one queue message carries: due subscriptions a planner run found, for one worker invocation to charge.
 *
 * @param plannedAt the planner run's "now" (reported; what is due is decided again by the worker)
 * @param charges   1 to {@value #MAX_CHARGES} due subscriptions (one consistent batch read)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RebillBatch(Instant plannedAt, List<DueCharge> charges) {

    /** DynamoDB's BatchGetItem limit: the worker reads a batch's subscriptions in one call. */
    public static final int MAX_CHARGES = 100;

    public RebillBatch {
        Objects.requireNonNull(plannedAt, "plannedAt");
        charges = List.copyOf(Objects.requireNonNull(charges, "charges"));
        if (charges.isEmpty() || charges.size() > MAX_CHARGES) {
            throw new IllegalArgumentException("a rebill batch holds 1 to " + MAX_CHARGES + " charges, not " + charges.size());
        }
    }
}
