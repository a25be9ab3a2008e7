package kr.storefront.payments.core.store;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * One page of a query. Pass {@link #nextCursor()} back to get the next page; it is opaque and
 * only valid for the same query.
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public Optional<String> cursor() {
        return Optional.ofNullable(nextCursor);
    }
}
