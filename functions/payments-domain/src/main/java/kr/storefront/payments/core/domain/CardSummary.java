package kr.storefront.payments.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What i'mport tells us about a card: never the full number, only its masked form.
 *
 * @param cardCode     card company code, e.g. {@code 366}
 * @param cardName     card company name, e.g. 신한카드
 * @param maskedNumber masked number as i'mport gives it, e.g. {@code 542879******0294}
 * @param cardType     0 credit, 1 check; null when the PG does not say
 */
@Serdeable
public record CardSummary(
        @Nullable String cardCode,
        @Nullable String cardName,
        @Nullable String maskedNumber,
        @Nullable Integer cardType) {

    public CardSummary {
        maskedNumber = CardNumbers.masked(maskedNumber);
    }
}
