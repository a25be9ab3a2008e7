package kr.storefront.payments.testkit.iamport;

import java.time.Duration;
import java.util.Objects;

/**
 * Fault injection for tests. API faults act on one {@link Endpoint}; counted ones are used up call by
 * call and a new arming replaces the previous one for that endpoint. All methods are thread-safe.
 */
public final class Faults {

    private final EndpointFaultPlan endpoints;
    private final WebhookFaultPlan webhooks;
    private final WebhookDispatcher dispatcher;

    Faults(EndpointFaultPlan endpoints, WebhookFaultPlan webhooks, WebhookDispatcher dispatcher) {
        this.endpoints = endpoints;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
    }

    /** Every call to {@code endpoint} waits {@code delay} before it is handled, until cleared. */
    public Faults latency(Endpoint endpoint, Duration delay) {
        requireNonNegative(delay);
        endpoints.latency(Objects.requireNonNull(endpoint, "endpoint"), delay);
        return this;
    }

    /**
     * The next {@code times} calls get {@code httpStatus} without anything being applied. 502, 503 and 504
     * come with a plain-text body, as a load balancer in front of the API would send; other statuses with
     * an envelope (code -1).
     */
    public Faults failNext(Endpoint endpoint, int times, int httpStatus) {
        requirePositive(times);
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("not an error status: " + httpStatus);
        }
        endpoints.failNext(Objects.requireNonNull(endpoint, "endpoint"), times, httpStatus);
        return this;
    }

    /**
     * The next {@code times} calls are applied (a charge really happens), then their response is held for
     * {@code hold}, which should outlast the client's read timeout: "timed out, but it went through".
     */
    public Faults timeoutAfterApply(Endpoint endpoint, int times, Duration hold) {
        requirePositive(times);
        requireNonNegative(hold);
        endpoints.holdAfterApply(Objects.requireNonNull(endpoint, "endpoint"), times, hold);
        return this;
    }

    /** The next {@code times} calls are applied, then their connection is closed without a response. */
    public Faults dropAfterApply(Endpoint endpoint, int times) {
        requirePositive(times);
        endpoints.dropAfterApply(Objects.requireNonNull(endpoint, "endpoint"), times);
        return this;
    }

    /** The next {@code count} webhooks are never delivered. */
    public Faults dropWebhooks(int count) {
        requirePositive(count);
        webhooks.dropNext(count);
        return this;
    }

    /** The next {@code count} webhooks are delivered twice, as after a lost acknowledgement and a resend. */
    public Faults duplicateWebhooks(int count) {
        requirePositive(count);
        webhooks.duplicateNext(count);
        return this;
    }

    /** Webhooks fired from now on are queued until {@link #releaseHeldWebhooks(boolean)}. */
    public Faults holdWebhooks() {
        dispatcher.hold();
        return this;
    }

    /** Stops holding and delivers the queued webhooks one by one before returning, optionally newest first. */
    public void releaseHeldWebhooks(boolean reverseOrder) {
        dispatcher.releaseHeld(reverseOrder);
    }

    /** Disarms everything; held webhooks are discarded. */
    public void clear() {
        endpoints.clear();
        webhooks.clear();
        dispatcher.discardHeld();
    }

    private static void requirePositive(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
    }

    private static void requireNonNegative(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + duration);
        }
    }
}
