package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import kr.storefront.payments.core.domain.CardSummary;

/** Masked card details as i'mport reported them. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardView(
        @JsonProperty("card_code") @Nullable String cardCode,
        @JsonProperty("card_name") @Nullable String cardName,
        @JsonProperty("masked_number") @Nullable String maskedNumber,
        @JsonProperty("card_type") @Nullable String cardType) {

    public static @Nullable CardView of(@Nullable CardSummary card) {
        if (card == null) {
            return null;
        }
        String type = card.cardType() == null ? null : card.cardType() == 1 ? "check" : "credit";
        return new CardView(card.cardCode(), card.cardName(), card.maskedNumber(), type);
    }
}
