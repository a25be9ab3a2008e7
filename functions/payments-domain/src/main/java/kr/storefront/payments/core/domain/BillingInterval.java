package kr.storefront.payments.core.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * How often a plan is charged: every {@code count} months or days.
 *
 * <p>Period dates are always computed from the subscription's anchor, never from the previous
 * date, in Korean local time: a plan anchored on Jan 31 renews on Feb 28 (29 in leap years), then
 * Mar 31 again, instead of drifting to the 28th.
 */
public record BillingInterval(Unit unit, int count) {

    /** Calendar unit of an interval. */
    public enum Unit { MONTH, DAY }

    /** Billing dates follow the storefront's calendar. */
    public static final ZoneId BILLING_ZONE = ZoneId.of("Asia/Seoul");

    public BillingInterval {
        Objects.requireNonNull(unit, "unit");
        if (count < 1 || count > 366) {
            throw new IllegalArgumentException("interval count must be between 1 and 366");
        }
    }

    public static BillingInterval months(int count) {
        return new BillingInterval(Unit.MONTH, count);
    }

    public static BillingInterval days(int count) {
        return new BillingInterval(Unit.DAY, count);
    }

    /** Start of period {@code period} (0 = the anchor itself). */
    public Instant periodStart(Instant anchor, int period) {
        ZonedDateTime local = anchor.atZone(BILLING_ZONE);
        long steps = (long) period * count;
        return (unit == Unit.MONTH ? local.plusMonths(steps) : local.plusDays(steps)).toInstant();
    }
}
