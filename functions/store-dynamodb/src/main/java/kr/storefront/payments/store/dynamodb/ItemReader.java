package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.storefront.payments.core.store.StoreDataException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads a DynamoDB item, failing with {@link StoreDataException} on a missing or malformed attribute. */
final class ItemReader {

    private final Map<String, AttributeValue> item;

    ItemReader(Map<String, AttributeValue> item) {
        this.item = item;
    }

    String string(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    @Nullable
    String optionalString(String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    long number(String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw missing(name);
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            throw new StoreDataException("attribute " + name + " of " + describe() + " is not a whole number", e);
        }
    }

    int integer(String name) {
        return Math.toIntExact(number(name));
    }

    @Nullable
    Integer optionalInteger(String name) {
        return item.containsKey(name) ? integer(name) : null;
    }

    boolean bool(String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    Instant time(String name) {
        Instant value = optionalTime(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    @Nullable
    Instant optionalTime(String name) {
        String value = optionalString(name);
        try {
            return value == null ? null : TableKeys.parseTime(value);
        } catch (RuntimeException e) {
            throw new StoreDataException("attribute " + name + " of " + describe() + " is not a time", e);
        }
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = string(name);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new StoreDataException("attribute " + name + " of " + describe() + " has unknown value " + value, e);
        }
    }

    @Nullable
    <T> T optionalMap(String name, Function<ItemReader, T> reader) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? null : reader.apply(new ItemReader(value.m()));
    }

    <T> List<T> list(String name, Function<ItemReader, T> reader) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasL()) {
            return List.of();
        }
        return value.l().stream().map(element -> reader.apply(new ItemReader(element.m()))).toList();
    }

    /** Wraps a failure of the domain constructor (a broken invariant) as a data error. */
    <T> T construct(java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (StoreDataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreDataException("item " + describe() + " is not valid: " + e.getMessage(), e);
        }
    }

    private StoreDataException missing(String name) {
        return new StoreDataException("item " + describe() + " lacks attribute " + name, null);
    }

    private String describe() {
        AttributeValue pk = item.get(TableKeys.PK);
        AttributeValue sk = item.get(TableKeys.SK);
        return (pk == null ? "?" : pk.s()) + "/" + (sk == null ? "?" : sk.s());
    }
}
