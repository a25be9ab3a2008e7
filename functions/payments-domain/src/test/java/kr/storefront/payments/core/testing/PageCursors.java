package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import kr.storefront.payments.core.store.InvalidCursorException;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.StoreUnavailableException;

/**
 * Paging as a DynamoDB Query pages: items in sort-key order, resuming strictly after the cursor's key, and a cursor on
 * every full page, even when nothing follows (DynamoDB returns a LastEvaluatedKey whenever the limit stopped it, so
 * callers must expect a last page that is empty). Cursors are opaque and name the list they came from: one of
 * another list is refused, like the real store's (which binds a cursor to its query), also when both lists share a
 * partition (products and plans, a customer's billing keys and subscriptions).
 */
final class PageCursors {

    private static final String PREFIX = "in-memory:";
    private static final char SEPARATOR = '\n';

    private PageCursors() {
    }

    /**
     * @param list       names the list read (the table's partition and sort prefix: {@code CUSTOMER#<id>/BILLINGKEY#},
     *                   {@code ORDER#OPEN}, ...): a cursor is only accepted by a query of the same list
     * @param candidates every item matching the query, in any order
     * @param sortKey    the item's sort key within the partition (as the table's), unique per item
     */
    static <T> Page<T> page(String list, Collection<T> candidates, Function<T, String> sortKey, @Nullable String cursor,
                            int limit) {
        return page(list, candidates, sortKey, cursor, limit, false);
    }

    /** As {@link #page(String, Collection, Function, String, int)}, highest sort key first when {@code descending}. */
    static <T> Page<T> page(String list, Collection<T> candidates, Function<T, String> sortKey, @Nullable String cursor,
                            int limit, boolean descending) {
        if (limit < 1) {
            // DynamoDB refuses such a Limit with a ValidationException, which the real store reports this way
            throw new StoreUnavailableException("query " + list + ": limit must be at least 1, was " + limit, null);
        }
        String after = decode(cursor, list);
        List<T> items = candidates.stream()
                .filter(item -> after == null || (descending ? sortKey.apply(item).compareTo(after) < 0
                        : sortKey.apply(item).compareTo(after) > 0))
                .sorted(descending ? Comparator.comparing(sortKey).reversed() : Comparator.comparing(sortKey))
                .limit(limit)
                .toList();
        String next = items.size() == limit ? encode(list, sortKey.apply(items.get(items.size() - 1))) : null;
        return new Page<>(items, next);
    }

    private static String encode(String list, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + list + SEPARATOR + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    @Nullable
    private static String decode(@Nullable String cursor, String list) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("malformed page cursor");
        }
        int separator = decoded.indexOf(SEPARATOR);
        if (!decoded.startsWith(PREFIX) || separator < 0) {
            throw new InvalidCursorException("malformed page cursor");
        }
        if (!decoded.substring(PREFIX.length(), separator).equals(list)) {
            throw new InvalidCursorException("page cursor does not belong to this list");
        }
        return decoded.substring(separator + 1);
    }
}
