package kr.storefront.payments.core.domain;

/** Keeps full card numbers out of anything we store or print. */
public final class CardNumbers {

    private CardNumbers() {
    }

    /**
     * Returns the value with every digit but the first 6 and last 4 replaced by {@code *}
     * when it still holds more than 10 digits; i'mport's numbers are already masked and pass unchanged.
     */
    public static String masked(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.length() <= 10) {
            return number;
        }
        return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
    }
}
