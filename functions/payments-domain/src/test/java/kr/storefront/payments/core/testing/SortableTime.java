package kr.storefront.payments.core.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Fixed-width UTC time with milliseconds, the form the real table's sort keys use, so that the fakes order and bound
 * their index queries exactly as DynamoDB compares those keys (lexically, at millisecond precision).
 */
final class SortableTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SortableTime() {
    }

    static String of(Instant instant) {
        return FORMAT.format(instant);
    }
}
