package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import kr.storefront.payments.core.iamport.CardDetails;

/**
 * Raw card data (Toss API mode only). Validated for shape, passed to i'mport, never stored or
 * logged; constraint messages never quote the value.
 */
@Serdeable
public record CardBody(
        @JsonProperty("card_number") @NotNull(message = "required")
        @Pattern(regexp = "[0-9]{4}-?[0-9]{4}-?[0-9]{4}-?[0-9]{2,7}", message = "a card number, digits with optional dashes")
        String cardNumber,
        @NotNull(message = "required") @Pattern(regexp = "20[0-9]{2}-(0[1-9]|1[0-2])", message = "YYYY-MM") String expiry,
        @NotNull(message = "required") @Pattern(regexp = "[0-9]{6}|[0-9]{10}", message = "YYMMDD, or a 10-digit business number")
        String birth,
        @JsonProperty("pwd_2digit") @NotNull(message = "required") @Pattern(regexp = "[0-9]{2}", message = "two digits")
        String pwd2digit) {

    /** The card in i'mport's {@code dddd-dddd-dddd-dddd} form. */
    public CardDetails toCardDetails() {
        String digits = cardNumber.replace("-", "");
        String grouped = digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8, 12) + "-"
                + digits.substring(12);
        return new CardDetails(grouped, expiry, birth, pwd2digit);
    }

    @Override
    public String toString() {
        return "CardBody[redacted]";
    }
}
