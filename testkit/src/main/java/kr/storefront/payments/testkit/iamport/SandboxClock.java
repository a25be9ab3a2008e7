package kr.storefront.payments.testkit.iamport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's own time ("PortOne's clock"): token expiry and every timestamp in payment objects
 * come from it. It is a base clock plus an offset that tests can move, so it can tick with real time
 * ({@link #system()}) or stand still ({@link #fixed(Instant)}) and still be set or advanced.
 * It is a {@link Clock}, so code under test can share it.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    private SandboxClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Ticks with the system clock (UTC). */
    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
    }

    /** Stands still at {@code instant} until set or advanced. */
    public static SandboxClock fixed(Instant instant) {
        return new SandboxClock(Clock.fixed(instant, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO));
    }

    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        offset.accumulateAndGet(amount, Duration::plus);
    }

    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        offset.set(Duration.between(base.instant(), instant));
    }

    /** UNIX seconds, the unit of every time field on the wire. */
    public long epochSecond() {
        return instant().getEpochSecond();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** The returned clock shares this clock's offset: moving one moves both. */
    @Override
    public SandboxClock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new SandboxClock(base.withZone(zone), offset);
    }
}
