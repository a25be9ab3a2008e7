package kr.storefront.payments.testkit.iamport;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to request parameters that arrive as JSON values or form strings alike
 * (an amount may be {@code 8900}, {@code 8900.0} or {@code "8900"}).
 */
final class RequestParams {

    private final Map<String, Object> values;

    private RequestParams(Map<String, Object> values) {
        this.values = values;
    }

    static RequestParams of(Map<String, ?> values) {
        return new RequestParams(Collections.unmodifiableMap(values));
    }

    Map<String, Object> asMap() {
        return values;
    }

    /** A scalar as text; absent, null, blank or non-scalar values are empty. */
    Optional<String> text(String name) {
        Object value = values.get(name);
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            String text = value.toString();
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        }
        return Optional.empty();
    }

    String requireText(String name) {
        return text(name).orElseThrow(() -> missing(name));
    }

    /** A non-negative whole amount of won. */
    Optional<Long> amount(String name) {
        return text(name).map(text -> parseAmount(name, text));
    }

    long requireAmount(String name) {
        return amount(name).orElseThrow(() -> missing(name));
    }

    /** A non-negative whole number such as {@code card_quota}. */
    Optional<Integer> integer(String name) {
        return amount(name).map(value -> {
            if (value > Integer.MAX_VALUE) {
                throw new InvalidRequestException(name + " 값이 너무 큽니다: " + value);
            }
            return value.intValue();
        });
    }

    boolean flag(String name) {
        return text(name).map(Boolean::parseBoolean).orElse(false);
    }

    /** A value the API stores as a JSON string ({@code custom_data}): text as is, objects serialised. */
    Optional<String> jsonText(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof String) {
            return text(name);
        }
        return Optional.of(SandboxJson.writeString(value));
    }

    private static long parseAmount(String name, String text) {
        try {
            long amount = new BigDecimal(text).longValueExact();
            if (amount >= 0) {
                return amount;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException(name + " 값이 올바른 금액이 아닙니다: " + text);
    }

    private static InvalidRequestException missing(String name) {
        return new InvalidRequestException(name + " 은(는) 필수 파라미터입니다.");
    }
}
