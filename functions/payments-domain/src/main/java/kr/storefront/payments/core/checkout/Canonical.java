package kr.storefront.payments.core.checkout;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A request's fields as one string, unit-separated, for idempotency fingerprints. */
final class Canonical {

    private Canonical() {
    }

    static String of(Object... parts) {
        return Stream.of(parts).map(part -> Objects.toString(part, "\u0000")).collect(Collectors.joining("\u001f"));
    }
}
