package kr.storefront.payments.checkout.web;

/** Shape of an {@code Idempotency-Key} header: 1-255 visible ASCII characters (a UUID, typically). */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final String PATTERN = "[\\x21-\\x7e]{1,255}";
    static final String MESSAGE = "1 to 255 visible ASCII characters, e.g. a UUID";

    private IdempotencyKeys() {
    }
}
