package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.WriteResult;

/**
 * An {@link OrderStore} over an {@link InMemoryOrderStore} that lets a rival writer in between a caller's read and its
 * conditional update, deterministically: the caller read version n, the rival writes first, and the caller's update
 * meets the store's version check as it would when two Lambda instances race. The rival is any code, typically
 * another confirmation of the same payment or an {@link InMemoryOrderStore#update} of what is stored.
 */
public final class RacingOrderStore implements OrderStore {

    private final InMemoryOrderStore store;
    private final Deque<Runnable> rivals = new ArrayDeque<>();

    public RacingOrderStore(InMemoryOrderStore store) {
        this.store = store;
    }

    /**
     * The next {@link #update} runs {@code rival} first, then goes to the store. Each armed rival runs once, one per
     * update, in the order armed; an update made by a rival itself meets the next armed rival, if any.
     */
    public synchronized RacingOrderStore beforeNextUpdate(Runnable rival) {
        rivals.add(rival);
        return this;
    }

    /** The next {@code times} updates each find the stored order written again by someone else (its version moved on). */
    public RacingOrderStore touchedBeforeNextUpdates(String merchantUid, int times) {
        for (int i = 0; i < times; i++) {
            beforeNextUpdate(() -> store.update(store.find(merchantUid).orElseThrow()));
        }
        return this;
    }

    @Override
    public WriteResult<Order> insert(Order order) {
        return store.insert(order);
    }

    @Override
    public Optional<Order> find(String merchantUid) {
        return store.find(merchantUid);
    }

    @Override
    public WriteResult<Order> update(Order changed) {
        Runnable rival;
        synchronized (this) {
            rival = rivals.poll();
        }
        if (rival != null) {
            rival.run();
        }
        return store.update(changed);
    }

    @Override
    public Page<Order> findOpenCreatedBefore(Instant cutoff, @Nullable String cursor, int limit) {
        return store.findOpenCreatedBefore(cutoff, cursor, limit);
    }

    @Override
    public Page<Order> findOpenCreatedBetween(Instant from, Instant cutoff, @Nullable String cursor, int limit) {
        return store.findOpenCreatedBetween(from, cutoff, cursor, limit);
    }

    @Override
    public Page<Order> findByStatusCreatedBetween(kr.storefront.payments.core.domain.OrderStatus status, Instant from, Instant to,
                                                  @Nullable String cursor, int limit) {
        return store.findByStatusCreatedBetween(status, from, to, cursor, limit);
    }

    @Override
    public Page<Order> findWithPendingRefund(@Nullable String cursor, int limit) {
        return store.findWithPendingRefund(cursor, limit);
    }
}
