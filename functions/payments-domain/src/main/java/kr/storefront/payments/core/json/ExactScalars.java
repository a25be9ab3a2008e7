package kr.storefront.payments.core.json;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Exact readers for the scalar types, replacing Serde's coercing ones (its JacksonDecoder turns
 * {@code 1.5} into 1, {@code "2"} and {@code true} into numbers, {@code "yes"} into false, and
 * unwraps {@code ["x"]}): integers only from JSON integer tokens in range (not {@code 2.0},
 * {@code 1e3}, strings or booleans), booleans only from {@code true}/{@code false}, strings only from
 * JSON strings. {@code null} is left to Serde (null for a nullable property, the default for a
 * primitive). {@code @Primary}: Serde's registry prefers these over its built-ins for the boxed and
 * primitive types alike. Under {@link TolerantJson} each one reads exactly as Serde's own would.
 */
final class ExactScalars {

    private ExactScalars() {
    }

    /** Serde's own (coercing) read of a scalar, used under {@link TolerantJson}. */
    @FunctionalInterface
    private interface TolerantRead<T> {
        T read(Decoder decoder) throws IOException;
    }

    /** Reads the value as one node (whatever its type), so the token type is known before any conversion. */
    private abstract static class Exact<T> implements Deserializer<T> {

        private final TolerantRead<T> tolerant;
        private final T primitiveDefault;

        Exact(TolerantRead<T> tolerant, T primitiveDefault) {
            this.tolerant = tolerant;
            this.primitiveDefault = primitiveDefault;
        }

        @Override
        public final T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            if (TolerantJson.applies(context)) {
                return tolerant.read(decoder);
            }
            return exact(decoder.decodeNode());
        }

        @Override
        public T getDefaultValue(DecoderContext context, Argument<? super T> type) {
            return type.isPrimitive() ? primitiveDefault : null;
        }

        abstract T exact(JsonNode node) throws JsonTypeException;
    }

    /** Integral types: the node's number must come from an integer token and fit {@code [min, max]}. */
    private abstract static class ExactInteger<T> extends Exact<T> {

        private final long min;
        private final long max;
        private final LongFunction<T> of;

        ExactInteger(long min, long max, LongFunction<T> of, TolerantRead<T> tolerant, T primitiveDefault) {
            super(tolerant, primitiveDefault);
            this.min = min;
            this.max = max;
            this.of = of;
        }

        @Override
        final T exact(JsonNode node) throws JsonTypeException {
            BigInteger value = integral(node).orElseThrow(() -> new JsonTypeException("expected an integer"));
            if (value.bitLength() >= 64 || value.longValue() < min || value.longValue() > max) {
                throw new JsonTypeException("integer out of range");
            }
            return of.apply(value.longValue());
        }
    }

    /** The integer a node holds, empty when it is no JSON integer (a fraction or exponent, a string, a boolean...). */
    private static Optional<BigInteger> integral(JsonNode node) {
        if (!node.isNumber()) {
            return Optional.empty();
        }
        Number number = node.getNumberValue();
        if (number instanceof BigInteger big) {
            return Optional.of(big);
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return Optional.of(BigInteger.valueOf(number.longValue()));
        }
        return Optional.empty(); // Double, Float or BigDecimal: the token had a fraction or an exponent
    }

    @Singleton
    @Primary
    static final class LongDeserializer extends ExactInteger<Long> {
        LongDeserializer() {
            super(Long.MIN_VALUE, Long.MAX_VALUE, value -> value, Decoder::decodeLong, 0L);
        }
    }

    @Singleton
    @Primary
    static final class IntegerDeserializer extends ExactInteger<Integer> {
        IntegerDeserializer() {
            super(Integer.MIN_VALUE, Integer.MAX_VALUE, value -> (int) value, Decoder::decodeInt, 0);
        }
    }

    @Singleton
    @Primary
    static final class ShortDeserializer extends ExactInteger<Short> {
        ShortDeserializer() {
            super(Short.MIN_VALUE, Short.MAX_VALUE, value -> (short) value, Decoder::decodeShort, (short) 0);
        }
    }

    @Singleton
    @Primary
    static final class ByteDeserializer extends ExactInteger<Byte> {
        ByteDeserializer() {
            super(Byte.MIN_VALUE, Byte.MAX_VALUE, value -> (byte) value, Decoder::decodeByte, (byte) 0);
        }
    }

    @Singleton
    @Primary
    static final class BigIntegerDeserializer extends Exact<BigInteger> {
        BigIntegerDeserializer() {
            super(Decoder::decodeBigInteger, null);
        }

        @Override
        BigInteger exact(JsonNode node) throws JsonTypeException {
            return integral(node).orElseThrow(() -> new JsonTypeException("expected an integer"));
        }
    }

    @Singleton
    @Primary
    static final class BooleanDeserializer extends Exact<Boolean> {
        BooleanDeserializer() {
            super(Decoder::decodeBoolean, false);
        }

        @Override
        Boolean exact(JsonNode node) throws JsonTypeException {
            if (!node.isBoolean()) {
                throw new JsonTypeException("expected true or false");
            }
            return node.getBooleanValue();
        }
    }

    @Singleton
    @Primary
    static final class StringDeserializer extends Exact<String> {
        StringDeserializer() {
            super(Decoder::decodeString, null);
        }

        @Override
        String exact(JsonNode node) throws JsonTypeException {
            if (!node.isString()) {
                throw new JsonTypeException("expected a string");
            }
            return node.getStringValue();
        }
    }
}
