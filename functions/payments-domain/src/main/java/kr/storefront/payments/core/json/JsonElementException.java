package kr.storefront.payments.core.json;

import io.micronaut.serde.exceptions.InvalidFormatException;

/** An element of a JSON array could not be read; carries its index, which Serde's own errors do not. */
final class JsonElementException extends InvalidFormatException {

    private final int index;

    JsonElementException(int index, InvalidFormatException cause) {
        super("element " + index + ": " + cause.getMessage(), cause, null);
        this.index = index;
    }

    int index() {
        return index;
    }
}
