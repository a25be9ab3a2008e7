package kr.storefront.payments.checkout.web;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.InvalidRequestException;

/** {@code first_charge_at}: a date (midnight in Seoul, where billing dates live) or an ISO-8601 instant. */
final class FirstChargeDates {

    private FirstChargeDates() {
    }

    static @Nullable Instant parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(BillingInterval.BILLING_ZONE).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("first_charge_at", "a date (2026-12-01) or an ISO-8601 time (2026-12-01T09:00:00+09:00)");
        }
    }
}
