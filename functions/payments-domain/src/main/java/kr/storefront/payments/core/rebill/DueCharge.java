package kr.storefront.payments.core.rebill;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Objects;

/**
 * One due subscription as the planner found it: a pointer, not a copy. The worker re-reads the subscription
 * (consistently) and charges it only while it is still in {@code period} and due, so a message delivered late
 * or twice charges nothing more; the conditional begin write decides between two workers.
 *
 * @param customerId     the subscription's customer (its item's partition)
 * @param subscriptionId the subscription
 * @param period         the period it was due for when planned
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record DueCharge(String customerId, String subscriptionId, int period) {

    public DueCharge {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        if (customerId.isBlank() || subscriptionId.isBlank() || period < 0) {
            throw new IllegalArgumentException("due charge needs a customer, a subscription and a period >= 0");
        }
    }
}
