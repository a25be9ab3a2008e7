package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.WriteResult;

/**
 * Optimistic concurrency for one entity type: an insert succeeds only if the key is free, an
 * update only if nobody wrote since the value was read. Every entity store extends this, so
 * there is one implementation of the rule "a state transition is applied once".
 */
abstract class VersionedItemStore<T> {

    private final DynamoTable table;
    private final ItemMapper<T> mapper;

    VersionedItemStore(DynamoTable table, ItemMapper<T> mapper) {
        this.table = table;
        this.mapper = mapper;
    }

    /** Stores a new value; a conflict if its key is taken. */
    public WriteResult<T> insert(T value) {
        return result(table.putIfAbsent(mapper.toItem(value, 1)), value, 1);
    }

    /** Writes {@code changed} if the stored value is still at the version it was read at. */
    public WriteResult<T> update(T changed) {
        long readAt = mapper.version(changed);
        return result(table.putIfVersion(mapper.toItem(changed, readAt + 1), readAt), changed, readAt + 1);
    }

    Optional<T> get(String pk, String sk) {
        return table.get(pk, sk).map(mapper::fromItem);
    }

    /** Consistent batch read (at most 100 keys); missing items are absent. */
    List<T> readAll(List<DynamoTable.Key> keys) {
        return table.getAll(keys).stream().map(mapper::fromItem).toList();
    }

    Page<T> query(QuerySpec spec, @Nullable String cursor, int limit) {
        DynamoTable.ItemPage page = table.query(spec, cursor, limit);
        return new Page<>(page.items().stream().map(mapper::fromItem).toList(), page.nextCursor());
    }

    private WriteResult<T> result(DynamoTable.PutResult put, T written, long storedVersion) {
        if (put.written()) {
            return new WriteResult.Applied<>(mapper.fromItem(mapper.toItem(written, storedVersion)));
        }
        return new WriteResult.Conflict<>(put.current().map(mapper::fromItem));
    }
}
