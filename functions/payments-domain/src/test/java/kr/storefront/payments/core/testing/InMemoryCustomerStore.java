package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import kr.storefront.payments.core.store.Page;

/**
 * A versioned store whose items live in their customer's partition, as billing keys and subscriptions do in the
 * table: found by (customer, id), listed per customer in id order, with a cursor refused for any other customer or list.
 */
public abstract class InMemoryCustomerStore<T> extends InMemoryVersionedStore<T> {

    private final Function<T, String> customerId;
    private final Function<T, String> id;
    private final String sortPrefix;

    /** @param sortPrefix what precedes the id in the real sort key ({@code BILLINGKEY#}, {@code SUBSCRIPTION#}) */
    InMemoryCustomerStore(String name, Class<?> port, Function<T, String> customerId, Function<T, String> id, String sortPrefix,
                          ToLongFunction<T> version, BiFunction<T, Long, T> storedAt) {
        super(name, port, value -> keyOf(customerId.apply(value), id.apply(value)), version, storedAt);
        this.customerId = customerId;
        this.id = id;
        this.sortPrefix = sortPrefix;
    }

    public Optional<T> find(String customer, String itemId) {
        return lookup("find", keyOf(customer, itemId));
    }

    public Page<T> listByCustomer(String customer, @Nullable String cursor, int limit) {
        return query("listByCustomer", "CUSTOMER#" + customer + "/" + sortPrefix, value -> customerId.apply(value).equals(customer),
                value -> sortPrefix + id.apply(value), cursor, limit);
    }
}
