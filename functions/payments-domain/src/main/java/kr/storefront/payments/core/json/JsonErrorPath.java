package kr.storefront.payments.core.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import java.util.Optional;

/**
 * The field a JSON reading error is about, as the document spells it ({@code items[0].quantity},
 * {@code plan_id}): Serde wraps a property's error once per level in an
 * {@link InvalidPropertyFormatException} naming its argument, and {@link IndexedListDeserializer}
 * adds the array index. Never includes a value or a map key (both are caller input).
 */
public final class JsonErrorPath {

    private JsonErrorPath() {
    }

    /** The path, or empty when the error names no property (malformed JSON, wrong root type). */
    public static Optional<String> of(Throwable error) {
        StringBuilder path = new StringBuilder();
        boolean named = false;
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof InvalidPropertyFormatException property) {
                Argument<?> argument = property.getArgument();
                if (argument.getAnnotationMetadata().hasAnnotation(JsonUnwrapped.class)) {
                    continue; // its properties are written at the outer level
                }
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(argument.getAnnotationMetadata().stringValue(JsonProperty.class).orElse(argument.getName()));
                named = true;
            } else if (t instanceof JsonElementException element) {
                path.append('[').append(element.index()).append(']');
            }
        }
        return named ? Optional.of(path.toString()) : Optional.empty();
    }
}
