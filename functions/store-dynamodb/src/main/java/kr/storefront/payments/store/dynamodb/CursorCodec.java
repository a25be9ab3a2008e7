package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import kr.storefront.payments.core.store.InvalidCursorException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a Query's {@code LastEvaluatedKey} into an opaque URL-safe cursor and back. A cursor is
 * only accepted for the partition it came from, so a crafted cursor cannot reach another
 * customer's items.
 */
final class CursorCodec {

    private CursorCodec() {
    }

    @Nullable
    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
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
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(cursor)))) {
            int size = in.readUnsignedByte();
            if (size == 0 || size > 4) {
                throw new InvalidCursorException("malformed page cursor");
            }
            for (int i = 0; i < size; i++) {
                key.put(in.readUTF(), AttributeValue.fromS(in.readUTF()));
            }
            if (in.read() != -1) {
                throw new InvalidCursorException("malformed page cursor");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidCursorException("malformed page cursor");
        }
        AttributeValue partition = key.get(query.partitionAttribute());
        if (partition == null || !query.partitionValue().equals(partition.s()) || !key.containsKey(query.sortAttribute())) {
            throw new InvalidCursorException("page cursor does not belong to this list");
        }
        return key;
    }
}
