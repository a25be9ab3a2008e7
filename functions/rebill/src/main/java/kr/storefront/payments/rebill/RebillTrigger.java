package kr.storefront.payments.rebill;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

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
}
