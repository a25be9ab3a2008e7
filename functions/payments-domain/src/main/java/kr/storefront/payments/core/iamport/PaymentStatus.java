package kr.storefront.payments.core.iamport;

import java.util.Locale;

/** A payment's {@code status} at i'mport. Only {@link #PAID} means money moved. */
public enum PaymentStatus {
    /** Window opened but not finished, or a virtual account waiting for the deposit. */
    READY,
    PAID,
    CANCELLED,
    FAILED,
    /** A value the V1 spec does not list; treated as "not paid". */
    UNRECOGNIZED;

    /** The value i'mport uses in paths and payloads, e.g. {@code paid}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** i'mport's status code; {@link #UNRECOGNIZED} for none or one we do not know. */
    public static PaymentStatus fromCode(String code) {
        if (code == null) {
            return UNRECOGNIZED;
        }
        return switch (code) {
            case "ready" -> READY;
            case "paid" -> PAID;
            case "cancelled" -> CANCELLED;
            case "failed" -> FAILED;
            default -> UNRECOGNIZED;
        };
    }
}
