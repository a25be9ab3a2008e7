package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;

/**
 * Buyer fields passed through to the payment window. Personal data: never stored, never logged
 * ({@link #toString()} is redacted).
 */
public record Buyer(@Nullable String name, @Nullable String tel, @Nullable String email, @Nullable String addr,
                    @Nullable String postcode) {

    public static Buyer none() {
        return new Buyer(null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "Buyer[redacted]";
    }
}
