package kr.storefront.payments.core.store;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.Subscription;

/**
 * The all-or-nothing writes that keep a subscription and its charge attempts in step. Each call is
 * one atomic write: either every item is written or none is, so a crash between them cannot leave a
 * subscription believing an attempt is open that no longer is (or the reverse).
 */
public interface ChargeLedger {

    /** What {@link #begin} stored, each at its new version. */
    record Begun(ChargeAttempt attempt, Order order, Subscription subscription) { }

    /**
     * Inserts the attempt (its key must be free) and its order (its merchant_uid must be free) and
     * writes {@code subscription} if the stored one is still at {@code subscription.version()}.
     *
     * @return empty when any condition failed (another run owns this period, or the subscription
     *         changed since it was read); then nothing was written
     */
    Optional<Begun> begin(ChargeAttempt attempt, Order order, Subscription subscription);

    /**
     * Starts {@code subscription} with period 0 paid by a billing-key window: inserts the subscription (its key
     * must be free) and {@code paidFirstPeriod} (likewise), and writes {@code claimedWindow} (the window's order,
     * now naming the subscription) if the stored order is still at {@code claimedWindow.version()}. So a window's
     * payment pays the first period of exactly one subscription.
     *
     * @return the stored subscription, or empty when any condition failed (then nothing was written)
     */
    Optional<Subscription> startPaidByWindow(Subscription subscription, ChargeAttempt paidFirstPeriod, Order claimedWindow);

    /**
     * What {@link #settle(ChargeAttempt, Subscription, Order)} wrote.
     *
     * @param subscription the stored subscription
     * @param orderWritten whether the order went with them (false: none given, or it had changed)
     */
    record Settled(Subscription subscription, boolean orderWritten) { }

    /**
     * Writes the resolved attempt and the subscription, each only if still at the version it was read at.
     *
     * @return the stored subscription, or empty when either had changed (then nothing was written)
     */
    default Optional<Subscription> settle(ChargeAttempt attempt, Subscription subscription) {
        return settle(attempt, subscription, null).map(Settled::subscription);
    }

    /**
     * Writes the resolved attempt, the subscription and, when given, the attempt's order in its new status, each only
     * if still at the version it was read at, in one atomic write. When only the order had changed (another writer,
     * verify's webhook say, moved it first), the attempt and the subscription are written without it.
     *
     * @return what was written, or empty when the attempt or the subscription had changed (then nothing was written)
     */
    Optional<Settled> settle(ChargeAttempt attempt, Subscription subscription, @Nullable Order order);
}
