package kr.storefront.payments.core.rebill;

import java.time.Instant;
import java.util.Objects;

/**
 * Run the rebill job once.
 *
 * @param scheduledTime when the schedule fired (reported and logged; what is due is decided by the clock)
 * @param deadline      when the run must have returned (the Lambda deadline); new work stops well before it
 */
public record RebillCommand(Instant scheduledTime, Instant deadline) {

    public RebillCommand {
        Objects.requireNonNull(scheduledTime, "scheduledTime");
        Objects.requireNonNull(deadline, "deadline");
    }
}
