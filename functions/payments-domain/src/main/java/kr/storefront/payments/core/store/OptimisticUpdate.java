package kr.storefront.payments.core.store;

import java.util.Optional;
import java.util.function.Function;

/**
 * Read-modify-write with optimistic locking: compute the change from the latest stored value,
 * write it conditionally, and on a conflict recompute from what the winner stored. The change
 * function decides from the current state, so a change that another writer already made is
 * recognised and not repeated.
 */
public final class OptimisticUpdate {

    private static final int MAX_CONFLICTS = 5;

    private OptimisticUpdate() {
    }

    /** The value after the update, and whether this call is the one that wrote it. */
    public record Result<T>(T value, boolean written) { }

    /**
     * @param current what the caller read
     * @param change  the new value for a given current value, or empty when nothing is to be done
     * @param write   the conditional write (insert or update) of the store
     * @param id      names the item in the exception
     * @throws ConcurrentUpdateException when conflicts persist or the item disappears
     */
    public static <T> Result<T> apply(T current, Function<T, Optional<T>> change, Function<T, WriteResult<T>> write,
                                      String id) {
        T latest = current;
        for (int attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
            Optional<T> next = change.apply(latest);
            if (next.isEmpty()) {
                return new Result<>(latest, false);
            }
            WriteResult<T> written = write.apply(next.get());
            if (written.applied()) {
                return new Result<>(written.current().orElseThrow(), true);
            }
            latest = written.current().orElseThrow(() -> new ConcurrentUpdateException(id));
        }
        throw new ConcurrentUpdateException(id);
    }
}
