package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.WriteResult;

/**
 * The conditional-write rule every versioned store fake shares, as the real stores share it: an insert is applied
 * only if the key is free (stored at version 1), an update only if the stored value is still at the version the
 * change was read at (stored at that version + 1); otherwise a {@link WriteResult.Conflict} carrying what is stored.
 *
 * <p>All access is synchronized on the store. {@link InMemoryChargeLedger} holds the monitors of the stores it writes,
 * so its multi-item writes are atomic with respect to every other call.
 *
 * <p>For tests: {@link #seed} stores a value without going through the rules, {@link #all()} and {@link #writes()}
 * show what is stored and what the code under test wrote, {@link #faults()} injects failures.
 */
public abstract class InMemoryVersionedStore<T> {

    private final Map<String, T> stored = new LinkedHashMap<>();
    private final List<T> writes = new ArrayList<>();
    private final StoreFaults faults;
    private final Function<T, String> key;
    private final ToLongFunction<T> version;
    private final BiFunction<T, Long, T> storedAt;

    /**
     * @param key      the item's primary key, unique within the store
     * @param version  the version a value was read at (0 for a new value)
     * @param storedAt a value as the store gives it back at a version
     */
    InMemoryVersionedStore(String name, Class<?> port, Function<T, String> key, ToLongFunction<T> version,
                           BiFunction<T, Long, T> storedAt) {
        this.faults = new StoreFaults(name, port);
        this.key = key;
        this.version = version;
        this.storedAt = storedAt;
    }

    /** A primary key made of several parts. */
    static String keyOf(Object... parts) {
        return Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining("\n"));
    }

    public synchronized WriteResult<T> insert(T value) {
        faults.beforeCall("insert");
        if (!isFree(value)) {
            return conflict(value);
        }
        T written = write(value, 1);
        faults.afterWrite("insert");
        return new WriteResult.Applied<>(written);
    }

    public synchronized WriteResult<T> update(T changed) {
        faults.beforeCall("update");
        long readAt = version.applyAsLong(changed);
        if (!isAt(changed, readAt)) {
            return conflict(changed);
        }
        T written = write(changed, readAt + 1);
        faults.afterWrite("update");
        return new WriteResult.Applied<>(written);
    }

    /**
     * Stores {@code value} as given, replacing whatever has its key, outside the write rules and unrecorded in
     * {@link #writes()}: for arranging a test. A value at version 0 is stored at version 1, as an insert would.
     *
     * @return what is now stored
     */
    public synchronized T seed(T value) {
        T seeded = storedAt.apply(value, Math.max(1, version.applyAsLong(value)));
        stored.put(key.apply(seeded), seeded);
        return seeded;
    }

    /** Everything stored, in order of first write. */
    public synchronized List<T> all() {
        return List.copyOf(stored.values());
    }

    /** Every value written through the store or the ledger (not seeds), oldest first, each at its stored version. */
    public synchronized List<T> writes() {
        return List.copyOf(writes);
    }

    public StoreFaults faults() {
        return faults;
    }

    /** The stored values of the given keys that exist, in the keys' order (one call, as a batch read). */
    synchronized List<T> lookupAll(String operation, List<String> primaryKeys) {
        faults.beforeCall(operation);
        return primaryKeys.stream().distinct().map(stored::get).filter(java.util.Objects::nonNull).toList();
    }

    synchronized Optional<T> lookup(String operation, String primaryKey) {
        faults.beforeCall(operation);
        return Optional.ofNullable(stored.get(primaryKey));
    }

    /** One page of the stored values matching {@code filter}, in {@code sortKey} order (see {@link PageCursors}). */
    synchronized Page<T> query(String operation, String list, Predicate<T> filter, Function<T, String> sortKey,
                               @Nullable String cursor, int limit) {
        faults.beforeCall(operation);
        return PageCursors.page(list, stored.values().stream().filter(filter).toList(), sortKey, cursor, limit);
    }

    /** As {@link #query}, highest sort key first. */
    synchronized Page<T> queryDescending(String operation, String list, Predicate<T> filter, Function<T, String> sortKey,
                                         @Nullable String cursor, int limit) {
        faults.beforeCall(operation);
        return PageCursors.page(list, stored.values().stream().filter(filter).toList(), sortKey, cursor, limit, true);
    }

    /** Whether nothing has {@code value}'s key. Callers hold this store's monitor. */
    boolean isFree(T value) {
        return !stored.containsKey(key.apply(value));
    }

    /** Whether what has {@code value}'s key is at {@code readAt} (false when nothing has it). Callers hold the monitor. */
    boolean isAt(T value, long readAt) {
        T current = stored.get(key.apply(value));
        return current != null && version.applyAsLong(current) == readAt;
    }

    /** Stores and records {@code value} at {@code newVersion}, unconditionally. Callers hold the monitor and checked first. */
    T write(T value, long newVersion) {
        T written = storedAt.apply(value, newVersion);
        stored.put(key.apply(written), written);
        writes.add(written);
        return written;
    }

    private WriteResult<T> conflict(T value) {
        return new WriteResult.Conflict<>(Optional.ofNullable(stored.get(key.apply(value))));
    }
}
