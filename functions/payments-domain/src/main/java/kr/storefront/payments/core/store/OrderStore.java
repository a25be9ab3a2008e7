package kr.storefront.payments.core.store;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Optional;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;

/** Orders by merchant_uid. Every write is conditional; see {@link WriteResult}. */
public interface OrderStore {

    /** Stores a new order; {@link WriteResult.Conflict} if the merchant_uid is taken. */
    WriteResult<Order> insert(Order order);

    /** Strongly consistent read. */
    Optional<Order> find(String merchantUid);

    /** Writes {@code changed} if the stored order is still at {@code changed.version()}. */
    WriteResult<Order> update(Order changed);

    /** Open orders (pending or awaiting deposit) created before {@code cutoff}, oldest first. */
    Page<Order> findOpenCreatedBefore(Instant cutoff, @Nullable String cursor, int limit);

    /**
     * Open orders (pending or awaiting deposit) created at or after {@code from} and before {@code cutoff},
     * oldest first: a bounded window for the reconciliation sweep.
     */
    Page<Order> findOpenCreatedBetween(Instant from, Instant cutoff, @Nullable String cursor, int limit);

    /**
     * Orders now in {@code status} created at or after {@code from} and before {@code to}, newest first, read from
     * the orders-by-status index (eventually consistent: an order that just changed status may show under its old one
     * for a moment).
     */
    Page<Order> findByStatusCreatedBetween(OrderStatus status, Instant from, Instant to, @Nullable String cursor, int limit);

    /**
     * Orders holding a refund whose answer was lost ({@link Order#pendingRefund()}), oldest request first: for the sweep
     * that settles them from i'mport's {@code cancel_history}. Read from an index (eventually consistent).
     */
    Page<Order> findWithPendingRefund(@Nullable String cursor, int limit);
}
