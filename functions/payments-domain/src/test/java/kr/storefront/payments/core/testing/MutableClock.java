package kr.storefront.payments.core.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import kr.storefront.payments.core.config.ClockFactory;

/** A clock tests move by hand. Active in the {@value #ENVIRONMENT} environment, replacing the system clock. */
@Singleton
@Replaces(bean = Clock.class, factory = ClockFactory.class)
@Requires(env = MutableClock.ENVIRONMENT)
public final class MutableClock extends Clock {

    public static final String ENVIRONMENT = "mutable-clock";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T00:00:00Z"));

    /** A clock showing {@code start} (the bean starts at 2026-06-01T00:00:00Z). */
    public static MutableClock startingAt(Instant start) {
        MutableClock clock = new MutableClock();
        clock.set(start);
        return clock;
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(current -> current.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}
