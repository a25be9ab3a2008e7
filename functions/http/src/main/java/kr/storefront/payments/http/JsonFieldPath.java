package kr.storefront.payments.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.List;
import java.util.Optional;

/**
 * Names the field of a constraint violation the way the client wrote it: {@code buyer.email},
 * {@code items[2].quantity}, {@code pwd_2digit} (not the Java {@code pwd2digit}), and without the
 * level of a {@code @JsonUnwrapped} object. Walks the rejected argument's value along the violation
 * path, reading each level's JSON name from its bean introspection.
 */
final class JsonFieldPath {

    private JsonFieldPath() {
    }

    static String of(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        Object current = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                Object[] arguments = violation.getExecutableParameters();
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                current = arguments != null && index < arguments.length ? arguments[index] : null;
                if (!(current instanceof Record)) {
                    append(field, JsonNames.snakeCase(node.getName())); // a query value or path variable
                }
                continue;
            }
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
                current = current instanceof List<?> list && node.getIndex() < list.size() ? list.get(node.getIndex()) : null;
            }
            if (node.getName() == null || node.getName().startsWith("<")) {
                continue;
            }
            Optional<BeanProperty<Object, Object>> property = property(current, node.getName());
            if (property.isEmpty() || !property.get().hasAnnotation(JsonUnwrapped.class)) {
                append(field, property.flatMap(p -> p.stringValue(JsonProperty.class))
                        .orElse(JsonNames.snakeCase(node.getName())));
            }
            Object bean = current;
            current = property.map(p -> p.get(bean)).orElse(null);
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<BeanProperty<Object, Object>> property(Object bean, String name) {
        if (bean == null) {
            return Optional.empty();
        }
        return BeanIntrospector.SHARED.findIntrospection((Class) bean.getClass())
                .flatMap(introspection -> ((io.micronaut.core.beans.BeanIntrospection<Object>) introspection).getProperty(name));
    }

    private static void append(StringBuilder field, String name) {
        if (field.length() > 0) {
            field.append('.');
        }
        field.append(name);
    }
}
