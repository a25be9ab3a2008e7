package kr.storefront.payments.store.dynamodb;

import jakarta.inject.Singleton;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.store.ChargeLedger;

/** {@link ChargeLedger} as DynamoDB transactions of conditional puts (one {@code TransactWriteItems} per call). */
@Singleton
final class DynamoChargeLedger implements ChargeLedger {

    /** The order's place in a settle transaction. */
    private static final int ORDER = 2;

    private final DynamoTable table;
    private final ChargeAttemptItems attempts = new ChargeAttemptItems();
    private final OrderItems orders = new OrderItems();
    private final SubscriptionItems subscriptions = new SubscriptionItems();

    DynamoChargeLedger(DynamoTable table) {
        this.table = table;
    }

    @Override
    public Optional<Begun> begin(ChargeAttempt attempt, Order order, Subscription subscription) {
        long readAt = subscription.version();
        boolean written = table.transact(List.of(
                DynamoTable.ConditionalPut.ifAbsent(attempts.toItem(attempt, 1)),
                DynamoTable.ConditionalPut.ifAbsent(orders.toItem(order, 1)),
                DynamoTable.ConditionalPut.ifVersion(subscriptions.toItem(subscription, readAt + 1), readAt)));
        if (!written) {
            return Optional.empty();
        }
        return Optional.of(new Begun(stored(attempts, attempt, 1), stored(orders, order, 1),
                stored(subscriptions, subscription, readAt + 1)));
    }

    @Override
    public Optional<Subscription> startPaidByWindow(Subscription subscription, ChargeAttempt paidFirstPeriod, Order claimedWindow) {
        long orderReadAt = claimedWindow.version();
        boolean written = table.transact(List.of(
                DynamoTable.ConditionalPut.ifAbsent(subscriptions.toItem(subscription, 1)),
                DynamoTable.ConditionalPut.ifAbsent(attempts.toItem(paidFirstPeriod, 1)),
                DynamoTable.ConditionalPut.ifVersion(orders.toItem(claimedWindow, orderReadAt + 1), orderReadAt)));
        return written ? Optional.of(stored(subscriptions, subscription, 1)) : Optional.empty();
    }

    /** One transaction of two or three puts; a second of two only when the order alone had changed. */
    @Override
    public Optional<Settled> settle(ChargeAttempt attempt, Subscription subscription, @Nullable Order order) {
        long attemptReadAt = attempt.version();
        long subscriptionReadAt = subscription.version();
        List<DynamoTable.ConditionalPut> puts = new ArrayList<>(List.of(
                DynamoTable.ConditionalPut.ifVersion(attempts.toItem(attempt, attemptReadAt + 1), attemptReadAt),
                DynamoTable.ConditionalPut.ifVersion(subscriptions.toItem(subscription, subscriptionReadAt + 1), subscriptionReadAt)));
        if (order != null) {
            puts.add(DynamoTable.ConditionalPut.ifVersion(orders.toItem(order, order.version() + 1), order.version()));
        }
        Set<Integer> failed = table.transactOrFailed(puts);
        boolean orderWritten = order != null;
        if (order != null && failed.equals(Set.of(ORDER))) {
            failed = table.transactOrFailed(puts.subList(0, ORDER));
            orderWritten = false;
        }
        return failed.isEmpty() ? Optional.of(new Settled(stored(subscriptions, subscription, subscriptionReadAt + 1), orderWritten))
                : Optional.empty();
    }

    /** The value as stored at {@code version} (the mappers own the version attribute). */
    private static <T> T stored(ItemMapper<T> mapper, T value, long version) {
        return mapper.fromItem(mapper.toItem(value, version));
    }
}
