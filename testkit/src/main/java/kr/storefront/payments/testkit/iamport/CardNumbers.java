package kr.storefront.payments.testkit.iamport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Card-number handling: the sandbox keeps card numbers only masked, or hashed to match test settings. */
final class CardNumbers {

    /** The card every checkout-window card payment and window-issued key uses. */
    static final CardDetails WINDOW_CARD = new CardDetails("366", "신한카드", "536181******4021", 0);

    private CardNumbers() {
    }

    /** A one-way key for a card number, the same with or without dashes. */
    static String fingerprint(String cardNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalize(cardNumber).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String normalize(String cardNumber) {
        return cardNumber.replaceAll("[^0-9]", "");
    }

    /** First 6 and last 4 digits kept, as PortOne shows card numbers: "536181******4021". */
    static String mask(String cardNumber) {
        String digits = normalize(cardNumber);
        if (digits.length() <= 10) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
    }

    /** API-mode cards all come from one sandbox card company. */
    static CardDetails describe(String cardNumber) {
        return new CardDetails(WINDOW_CARD.cardCode(), WINDOW_CARD.cardName(), mask(cardNumber), WINDOW_CARD.cardType());
    }
}
