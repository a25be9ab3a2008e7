package kr.storefront.payments.testkit.iamport;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Armed API faults per endpoint. Counted faults are used up one call at a time. */
final class EndpointFaultPlan {

    /** A fault armed for the next {@code remaining} calls. */
    private record Armed<T>(T value, int remaining) {

        Armed<T> used() {
            return new Armed<>(value, remaining - 1);
        }
    }

    private final Map<Endpoint, Duration> latencies = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Armed<Integer>> failures = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Armed<Duration>> holds = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Armed<Boolean>> drops = new EnumMap<>(Endpoint.class);

    synchronized void latency(Endpoint endpoint, Duration delay) {
        latencies.put(endpoint, delay);
    }

    synchronized void failNext(Endpoint endpoint, int times, int httpStatus) {
        failures.put(endpoint, new Armed<>(httpStatus, times));
    }

    synchronized void holdAfterApply(Endpoint endpoint, int times, Duration hold) {
        holds.put(endpoint, new Armed<>(hold, times));
    }

    synchronized void dropAfterApply(Endpoint endpoint, int times) {
        drops.put(endpoint, new Armed<>(true, times));
    }

    synchronized Duration latency(Endpoint endpoint) {
        return latencies.getOrDefault(endpoint, Duration.ZERO);
    }

    /** The HTTP status to fail this call with, if a failure is armed. */
    synchronized OptionalInt takeFailure(Endpoint endpoint) {
        return take(failures, endpoint).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** How long to hold this call's response after applying it, if armed. */
    synchronized Optional<Duration> takeHold(Endpoint endpoint) {
        return take(holds, endpoint);
    }

    /** Whether to close this call's connection without a response after applying it. */
    synchronized boolean takeDrop(Endpoint endpoint) {
        return take(drops, endpoint).isPresent();
    }

    synchronized void clear() {
        latencies.clear();
        failures.clear();
        holds.clear();
        drops.clear();
    }

    private static <T> Optional<T> take(Map<Endpoint, Armed<T>> armed, Endpoint endpoint) {
        Armed<T> fault = armed.get(endpoint);
        if (fault == null || fault.remaining() <= 0) {
            return Optional.empty();
        }
        armed.put(endpoint, fault.used());
        return Optional.of(fault.value());
    }
}
