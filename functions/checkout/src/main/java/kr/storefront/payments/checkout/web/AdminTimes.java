package kr.storefront.payments.checkout.web;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.InvalidRequestException;

/**
 * {@code from} and {@code to} of the admin order list: a date (midnight in Seoul; {@code to} a date means the end of
 * that day) or an ISO-8601 time with an offset. {@code from} is inclusive, {@code to} exclusive.
 */
final class AdminTimes {

    /** Before any order this service ever wrote: the default {@code from}. */
    static final Instant BEGINNING = Instant.parse("2020-01-01T00:00:00Z");

    /**
     * After any order: the default {@code to}. Fixed, not "now": a page cursor is bound to its query's bounds, so a
     * moving default would refuse the next page's cursor.
     */
    static final Instant END = Instant.parse("9999-12-31T23:59:59.999Z");

    private AdminTimes() {
    }

    static @Nullable Instant from(@Nullable String value) {
        return parse("from", value, false);
    }

    static @Nullable Instant to(@Nullable String value) {
        return parse("to", value, true);
    }

    private static @Nullable Instant parse(String field, @Nullable String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(BillingInterval.BILLING_ZONE).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "a date (2026-12-01, in Seoul) or an ISO-8601 time (2026-12-01T09:00:00+09:00)");
        }
    }
}
