package kr.storefront.payments.rebill;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The EventBridge Scheduler {@code Input} template.yaml defines, delivered verbatim (no event
 * envelope) with Scheduler's context attributes filled in.
 *
 * @param scheduledTime {@code <aws.scheduler.scheduled-time>}, e.g. {@code 2026-11-21T03:00:00Z}
 * @param executionId   {@code <aws.scheduler.execution-id>}
 * @param attempt       {@code <aws.scheduler.attempt-number>}
 */
@Serdeable
public record RebillTrigger(
        @JsonProperty("scheduled_time") @Nullable String scheduledTime,
        @JsonProperty("execution_id") @Nullable String executionId,
        @Nullable String attempt) {

    /**
     * The schedule's time, or {@code fallback} when the input has none (an invocation by hand with
     * {@code {}}). It is reported, never used to decide what is due, so a late or repeated delivery
     * still charges exactly what is due now.
     *
     * @throws InvalidTriggerException when a scheduled_time is given but is not an ISO-8601 instant:
     *                                 a broken schedule template must fail loudly, not run under a wrong date
     */
    public Instant scheduledTimeOr(Instant fallback) {
        if (scheduledTime == null || scheduledTime.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(scheduledTime.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidTriggerException("scheduled_time is not an ISO-8601 instant: " + scheduledTime, e);
        }
    }
}
