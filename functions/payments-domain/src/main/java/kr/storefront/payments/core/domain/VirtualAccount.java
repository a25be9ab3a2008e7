package kr.storefront.payments.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A virtual account i'mport issued for a {@code vbank} payment, waiting for the buyer's deposit.
 *
 * @param bankCode   bank code
 * @param bankName   bank name
 * @param number     account number (may contain dashes)
 * @param holder     account holder; null for tosspayments
 * @param dueAt      deposit deadline
 */
@Serdeable
public record VirtualAccount(
        @Nullable String bankCode,
        @Nullable String bankName,
        String number,
        @Nullable String holder,
        @Nullable Instant dueAt) {
}
