package kr.storefront.payments.queue.sqs;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * Where the rebill planner sends its batches ({@code REBILL_QUEUE_URL}, set by the template).
 *
 * @param url the SQS queue URL
 */
@ConfigurationProperties("rebill.queue")
public record RebillQueueConfiguration(@NotBlank String url) {
}
