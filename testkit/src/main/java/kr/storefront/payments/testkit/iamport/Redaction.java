package kr.storefront.payments.testkit.iamport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Removes card data and secrets from recorded parameters; card numbers stay recognisable but masked. */
final class Redaction {

    static final String REDACTED = "[redacted]";

    private static final Set<String> SECRET_KEYS = Set.of("imp_secret", "expiry", "birth", "pwd_2digit", "cvc");

    private Redaction() {
    }

    static Map<String, Object> params(Map<String, Object> params) {
        var redacted = new LinkedHashMap<String, Object>();
        params.forEach((key, value) -> redacted.put(key, redactValue(key, value)));
        return redacted;
    }

    static Map<String, String> query(Map<String, String> query) {
        var redacted = new LinkedHashMap<String, String>();
        query.forEach((key, value) -> redacted.put(key, String.valueOf(redactValue(key, value))));
        return redacted;
    }

    private static Object redactValue(String key, Object value) {
        if (value == null) {
            return null;
        }
        if (key.equals("card_number")) {
            return CardNumbers.mask(value.toString());
        }
        return SECRET_KEYS.contains(key) ? REDACTED : value;
    }
}
