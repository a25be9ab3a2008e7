package kr.storefront.payments.core.domain;

import java.util.Locale;
import java.util.Optional;

/** The PGs this service integrates through i'mport, by their i'mport {@code pg} / {@code pg_provider} code. */
public enum Pg {
    PAYCO("payco"),
    CHAI("chai"),
    KAKAOPAY("kakaopay"),
    TOSSPAYMENTS("tosspayments"),
    UPLUS("uplus");

    private final String code;

    Pg(String code) {
        this.code = code;
    }

    /** The code i'mport uses, e.g. {@code tosspayments}. */
    public String code() {
        return code;
    }

    /** Parses an i'mport code; accepts the {@code "<pg>.<MID>"} form that {@code IMP.request_pay} allows. */
    public static Optional<Pg> fromCode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String code = value.trim().toLowerCase(Locale.ROOT);
        int dot = code.indexOf('.');
        if (dot >= 0) {
            code = code.substring(0, dot);
        }
        for (Pg pg : values()) {
            if (pg.code.equals(code)) {
                return Optional.of(pg);
            }
        }
        return Optional.empty();
    }
}
