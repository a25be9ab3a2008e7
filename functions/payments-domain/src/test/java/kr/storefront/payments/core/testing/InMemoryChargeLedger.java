package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import java.util.function.Supplier;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.store.ChargeLedger;

/**
 * {@link ChargeLedger} over the in-memory stores it is given, with the real ledger's all-or-nothing rule: every
 * condition of a call is checked first (insert only if the key is free, write only if still at the version read) and,
 * if any fails, nothing is written and the result is empty. The three stores' monitors are held for the whole call
 * (always in the same order), so no other call sees it half done.
 *
 * <p>{@link #faults()} fails {@code begin}, {@code startPaidByWindow} or {@code settle}; "after writing" leaves every
 * item written, as a transaction DynamoDB committed before the answer was lost would.
 */
public final class InMemoryChargeLedger implements ChargeLedger {

    private final InMemoryChargeAttemptStore attempts;
    private final InMemoryOrderStore orders;
    private final InMemorySubscriptionStore subscriptions;
    private final StoreFaults faults = new StoreFaults("ledger", ChargeLedger.class);

    public InMemoryChargeLedger(InMemoryChargeAttemptStore attempts, InMemoryOrderStore orders,
                                InMemorySubscriptionStore subscriptions) {
        this.attempts = attempts;
        this.orders = orders;
        this.subscriptions = subscriptions;
    }

    @Override
    public Optional<Begun> begin(ChargeAttempt attempt, Order order, Subscription subscription) {
        return atomically("begin", () -> {
            long readAt = subscription.version();
            if (!attempts.isFree(attempt) || !orders.isFree(order) || !subscriptions.isAt(subscription, readAt)) {
                return Optional.empty();
            }
            return Optional.of(new Begun(attempts.write(attempt, 1), orders.write(order, 1),
                    subscriptions.write(subscription, readAt + 1)));
        });
    }

    @Override
    public Optional<Subscription> startPaidByWindow(Subscription subscription, ChargeAttempt paidFirstPeriod, Order claimedWindow) {
        return atomically("startPaidByWindow", () -> {
            long orderReadAt = claimedWindow.version();
            if (!subscriptions.isFree(subscription) || !attempts.isFree(paidFirstPeriod)
                    || !orders.isAt(claimedWindow, orderReadAt)) {
                return Optional.empty();
            }
            attempts.write(paidFirstPeriod, 1);
            orders.write(claimedWindow, orderReadAt + 1);
            return Optional.of(subscriptions.write(subscription, 1));
        });
    }

    @Override
    public Optional<Settled> settle(ChargeAttempt attempt, Subscription subscription, @Nullable Order order) {
        return atomically("settle", () -> {
            long attemptReadAt = attempt.version();
            long subscriptionReadAt = subscription.version();
            if (!attempts.isAt(attempt, attemptReadAt) || !subscriptions.isAt(subscription, subscriptionReadAt)) {
                return Optional.empty();
            }
            boolean orderWritten = order != null && orders.isAt(order, order.version());
            attempts.write(attempt, attemptReadAt + 1);
            if (orderWritten) {
                orders.write(order, order.version() + 1);
            }
            return Optional.of(new Settled(subscriptions.write(subscription, subscriptionReadAt + 1), orderWritten));
        });
    }

    public StoreFaults faults() {
        return faults;
    }

    /** Runs {@code transaction} holding every store's monitor; an "after writing" fault fires only if it wrote. */
    private <T> Optional<T> atomically(String operation, Supplier<Optional<T>> transaction) {
        synchronized (attempts) {
            synchronized (orders) {
                synchronized (subscriptions) {
                    faults.beforeCall(operation);
                    Optional<T> written = transaction.get();
                    if (written.isPresent()) {
                        faults.afterWrite(operation);
                    }
                    return written;
                }
            }
        }
    }
}
