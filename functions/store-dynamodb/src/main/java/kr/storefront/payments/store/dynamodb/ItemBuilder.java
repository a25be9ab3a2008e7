package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds a DynamoDB item; null values are left out, so absent and null read back the same. */
final class ItemBuilder {

    private final Map<String, AttributeValue> attributes = new HashMap<>();

    ItemBuilder string(String name, @Nullable String value) {
        if (value != null) {
            attributes.put(name, AttributeValue.fromS(value));
        }
        return this;
    }

    ItemBuilder number(String name, long value) {
        attributes.put(name, AttributeValue.fromN(Long.toString(value)));
        return this;
    }

    ItemBuilder number(String name, @Nullable Integer value) {
        if (value != null) {
            attributes.put(name, AttributeValue.fromN(Integer.toString(value)));
        }
        return this;
    }

    ItemBuilder bool(String name, boolean value) {
        attributes.put(name, AttributeValue.fromBool(value));
        return this;
    }

    ItemBuilder time(String name, @Nullable Instant value) {
        return value == null ? this : string(name, TableKeys.sortableTime(value));
    }

    ItemBuilder enumValue(String name, @Nullable Enum<?> value) {
        return value == null ? this : string(name, value.name());
    }

    ItemBuilder map(String name, @Nullable ItemBuilder nested) {
        if (nested != null && !nested.attributes.isEmpty()) {
            attributes.put(name, AttributeValue.fromM(nested.build()));
        }
        return this;
    }

    ItemBuilder list(String name, List<ItemBuilder> elements) {
        attributes.put(name, AttributeValue.fromL(elements.stream().map(e -> AttributeValue.fromM(e.build())).toList()));
        return this;
    }

    Map<String, AttributeValue> build() {
        return Map.copyOf(attributes);
    }
}
