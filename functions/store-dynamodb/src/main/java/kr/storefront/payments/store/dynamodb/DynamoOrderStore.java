package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.Page;

@Singleton
final class DynamoOrderStore extends VersionedItemStore<Order> implements OrderStore {

    DynamoOrderStore(DynamoTable table) {
        super(table, new OrderItems());
    }

    @Override
    public Optional<Order> find(String merchantUid) {
        return get(TableKeys.orderPk(merchantUid), TableKeys.ORDER_SK);
    }

    @Override
    public Page<Order> findOpenCreatedBefore(Instant cutoff, @Nullable String cursor, int limit) {
        return query(QuerySpec.indexBelow(TableKeys.OPEN_ORDERS, TableKeys.sortableTime(cutoff)), cursor, limit);
    }

    @Override
    public Page<Order> findOpenCreatedBetween(Instant from, Instant cutoff, @Nullable String cursor, int limit) {
        return query(QuerySpec.indexFromBelow(TableKeys.OPEN_ORDERS, TableKeys.sortableTime(from), TableKeys.sortableTime(cutoff)),
                cursor, limit);
    }

    @Override
    public Page<Order> findByStatusCreatedBetween(OrderStatus status, Instant from, Instant to, @Nullable String cursor,
                                                  int limit) {
        return query(QuerySpec.index2FromBelowDescending(TableKeys.orderStatusPk(status.name()), TableKeys.sortableTime(from),
                TableKeys.sortableTime(to)), cursor, limit);
    }

    @Override
    public Page<Order> findWithPendingRefund(@Nullable String cursor, int limit) {
        return query(QuerySpec.indexBelow(TableKeys.PENDING_REFUNDS, TableKeys.AFTER_ALL), cursor, limit);
    }
}
