package kr.storefront.payments.core.json;

import io.micronaut.serde.exceptions.InvalidFormatException;

/**
 * A JSON value of the wrong type for its property. An {@link InvalidFormatException}, so Serde names
 * the property around it; the message says what was expected and never quotes the value.
 */
final class JsonTypeException extends InvalidFormatException {

    JsonTypeException(String expected) {
        super(expected, null, null);
    }
}
