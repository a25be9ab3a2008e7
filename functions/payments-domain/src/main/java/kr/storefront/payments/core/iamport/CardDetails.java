package kr.storefront.payments.core.iamport;

/**
 * Raw card data for Toss API-mode billing. Held only for the duration of one request: never
 * stored, never logged ({@link #toString()} is redacted).
 *
 * @param cardNumber  {@code dddd-dddd-dddd-dddd}
 * @param expiry      {@code YYYY-MM}
 * @param birth       {@code YYMMDD}, or a 10-digit business registration number
 * @param pwd2digit   first two digits of the card password
 */
public record CardDetails(String cardNumber, String expiry, String birth, String pwd2digit) {

    @Override
    public String toString() {
        return "CardDetails[redacted]";
    }
}
