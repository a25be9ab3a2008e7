package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kr.storefront.payments.core.store.InvalidCursorException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a Query's {@code LastEvaluatedKey} into an opaque URL-safe cursor and back. A cursor is bound to
 * the query that produced it: it carries a digest of that query (index, partition, sort condition and
 * bounds), so a cursor of another list ({@code /checkout/products} vs {@code /checkout/plans}, billing keys
 * vs subscriptions of one customer) or of another customer's list is refused, and its key must lie inside
 * the query's own range and have exactly the key attributes of that table or index. Whatever passes is a
 * start key DynamoDB accepts for that query; everything else is an {@link InvalidCursorException}.
 */
final class CursorCodec {

    /** Not 1-4, the key count that began the unbound cursors before it: those read as malformed. */
    private static final int VERSION = 16;
    private static final int BINDING_BYTES = 12;

    private CursorCodec() {
    }

    @Nullable
    static String encode(Map<String, AttributeValue> lastEvaluatedKey, QuerySpec query) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.write(binding(query));
            Map<String, AttributeValue> sorted = new TreeMap<>(lastEvaluatedKey);
            out.writeByte(sorted.size());
            for (Map.Entry<String, AttributeValue> entry : sorted.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue().s());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    @Nullable
    static Map<String, AttributeValue> decode(@Nullable String cursor, QuerySpec query) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> key = new TreeMap<>();
        byte[] boundTo = new byte[BINDING_BYTES];
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(cursor)))) {
            if (in.readUnsignedByte() != VERSION) {
                throw malformed();
            }
            in.readFully(boundTo);
            int size = in.readUnsignedByte();
            if (size == 0 || size > 4) {
                throw malformed();
            }
            for (int i = 0; i < size; i++) {
                key.put(in.readUTF(), AttributeValue.fromS(in.readUTF()));
            }
            if (in.read() != -1 || key.size() != size) {
                throw malformed();
            }
        } catch (IOException | IllegalArgumentException e) {
            throw malformed();
        }
        if (!MessageDigest.isEqual(boundTo, binding(query)) || !key.keySet().equals(keyAttributes(query))
                || !query.partitionValue().equals(key.get(query.partitionAttribute()).s())
                || !inRange(key.get(query.sortAttribute()).s(), query)) {
            throw new InvalidCursorException("page cursor does not belong to this list");
        }
        return key;
    }

    private static InvalidCursorException malformed() {
        return new InvalidCursorException("malformed page cursor");
    }

    /** A table query's start key is the table key; an index query's is the index key and the table key. */
    private static Set<String> keyAttributes(QuerySpec query) {
        return query.indexName() == null ? Set.of(TableKeys.PK, TableKeys.SK)
                : Set.of(TableKeys.PK, TableKeys.SK, query.partitionAttribute(), query.sortAttribute());
    }

    /** Whether the sort key satisfies the query's condition, compared as DynamoDB does (UTF-8 bytes, unsigned). */
    private static boolean inRange(String sortKey, QuerySpec query) {
        byte[] value = utf8(sortKey);
        byte[] bound = utf8(query.sortValue());
        return switch (query.sortCondition()) {
            case BEGINS_WITH -> value.length >= bound.length && Arrays.equals(value, 0, bound.length, bound, 0, bound.length);
            case AT_MOST -> Arrays.compareUnsigned(value, bound) <= 0;
            case BELOW -> Arrays.compareUnsigned(value, bound) < 0;
            case FROM_BELOW -> Arrays.compareUnsigned(value, bound) >= 0
                    && Arrays.compareUnsigned(value, utf8(query.sortUpper())) <= 0;
        };
    }

    private static byte[] binding(QuerySpec query) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {query.indexName(), query.partitionAttribute(), query.partitionValue(),
                    query.sortAttribute(), query.sortCondition().name(), query.sortValue(), query.sortUpper(),
                    query.descending() ? "descending" : null}) {
                byte[] bytes = part == null ? new byte[0] : utf8(part);
                digest.update((byte) (part == null ? 0 : 1));
                digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
                        (byte) bytes.length});
                digest.update(bytes);
            }
            return Arrays.copyOf(digest.digest(), BINDING_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
