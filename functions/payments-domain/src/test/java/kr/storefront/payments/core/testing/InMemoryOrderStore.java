package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Optional;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.Page;

/**
 * {@link OrderStore} in memory. The open-order queries read the same keys as the real index,
 * {@code <created_at to the millisecond>#<merchant_uid>}, with the same bounds, so orders created at the cutoff or
 * within its millisecond are treated alike.
 */
public final class InMemoryOrderStore extends InMemoryVersionedStore<Order> implements OrderStore {

    /** Both open-order queries read one index partition, so a cursor of one is accepted by the other, as in DynamoDB. */
    private static final String OPEN_ORDERS = "ORDER#OPEN";

    public InMemoryOrderStore() {
        super("orders", OrderStore.class, Order::merchantUid, Order::version, StoredForm::order);
    }

    @Override
    public Optional<Order> find(String merchantUid) {
        return lookup("find", merchantUid);
    }

    @Override
    public Page<Order> findOpenCreatedBefore(Instant cutoff, @Nullable String cursor, int limit) {
        String bound = SortableTime.of(cutoff);
        return query("findOpenCreatedBefore", OPEN_ORDERS, order -> order.status().isOpen() && openKey(order).compareTo(bound) < 0,
                InMemoryOrderStore::openKey, cursor, limit);
    }

    @Override
    public Page<Order> findOpenCreatedBetween(Instant from, Instant cutoff, @Nullable String cursor, int limit) {
        // BETWEEN from AND cutoff on "<time>#<id>" keys: from inclusive, and a key at exactly the cutoff is above it
        String lower = SortableTime.of(from);
        String upper = SortableTime.of(cutoff);
        return query("findOpenCreatedBetween", OPEN_ORDERS, order -> order.status().isOpen()
                        && openKey(order).compareTo(lower) >= 0 && openKey(order).compareTo(upper) <= 0,
                InMemoryOrderStore::openKey, cursor, limit);
    }

    @Override
    public Page<Order> findByStatusCreatedBetween(OrderStatus status, Instant from, Instant to, @Nullable String cursor,
                                                  int limit) {
        String lower = SortableTime.of(from);
        String upper = SortableTime.of(to);
        return queryDescending("findByStatusCreatedBetween", "ORDER#STATUS#" + status, order -> order.status() == status
                        && openKey(order).compareTo(lower) >= 0 && openKey(order).compareTo(upper) <= 0,
                InMemoryOrderStore::openKey, cursor, limit);
    }

    @Override
    public Page<Order> findWithPendingRefund(@Nullable String cursor, int limit) {
        return query("findWithPendingRefund", "ORDER#REFUND_PENDING", order -> !order.status().isOpen() && order.pendingRefund() != null,
                order -> SortableTime.of(order.pendingRefund().requestedAt()) + "#" + order.merchantUid(), cursor, limit);
    }

    private static String openKey(Order order) {
        return SortableTime.of(order.createdAt()) + "#" + order.merchantUid();
    }
}
