package kr.storefront.payments.checkout.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.storefront.payments.core.checkout.Buyer;

/** Buyer fields for the window, within i'mport's limits. Personal data: {@link #toString()} is redacted. */
@Serdeable
public record BuyerBody(
        @Nullable @Size(max = 16, message = "at most 16 characters") String name,
        @Nullable @Pattern(regexp = "[0-9-]{8,16}", message = "digits and dashes, 8 to 16 characters") String tel,
        @Nullable @Email(message = "not an email address") @Size(max = 64, message = "at most 64 characters") String email,
        @Nullable @Size(max = 128, message = "at most 128 characters") String addr,
        @Nullable @Pattern(regexp = "[0-9]{5,6}|[0-9]{3}-[0-9]{3}", message = "5 or 6 digits, or NNN-NNN") String postcode) {

    public Buyer toBuyer() {
        return new Buyer(name, tel, email, addr, postcode);
    }

    public static Buyer toBuyer(@Nullable BuyerBody body) {
        return body == null ? Buyer.none() : body.toBuyer();
    }

    @Override
    public String toString() {
        return "BuyerBody[redacted]";
    }
}
