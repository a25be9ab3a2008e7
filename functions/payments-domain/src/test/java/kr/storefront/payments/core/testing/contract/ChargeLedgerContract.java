package kr.storefront.payments.core.testing.contract;

import static kr.storefront.payments.core.testing.contract.StoreSamples.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.store.ChargeLedger;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.SubscriptionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChargeLedger} must do, read back through the stores it writes: run against the real ledger (its
 * IT) and the fake (its test).
 */
public abstract class ChargeLedgerContract {

    /** A ledger and the stores over the same (empty) data. */
    public record LedgerStores(ChargeLedger ledger, SubscriptionStore subscriptions, ChargeAttemptStore attempts,
                                  OrderStore orders) { }

    private ChargeLedger ledger;
    private SubscriptionStore subscriptions;
    private ChargeAttemptStore attempts;
    private OrderStore orders;
    private Subscription stored;

    protected abstract LedgerStores newLedger();

    @BeforeEach
    void setUp() {
        LedgerStores stores = newLedger();
        ledger = stores.ledger();
        subscriptions = stores.subscriptions();
        attempts = stores.attempts();
        orders = stores.orders();
        stored = subscriptions.insert(StoreSamples.subscription("cust-a", "sub1", NOW)).current().orElseThrow();
    }

    @Test
    void begin_writesAttemptOrderAndSubscriptionTogether() {
        ChargeLedger.Begun begun = ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW)).orElseThrow();

        assertThat(begun.subscription().version()).isEqualTo(stored.version() + 1);
        assertThat(subscriptions.find("cust-a", "sub1").orElseThrow().attemptOpen()).isTrue();
        assertThat(subscriptions.findDue(NOW, null, 10).items()).isEmpty();
        assertThat(attempts.findUnresolved(null, 10).items()).extracting(ChargeAttempt::merchantUid).containsExactly("sub1_p0_a1");
        assertThat(orders.find("sub1_p0_a1")).get().extracting(Order::kind).isEqualTo(OrderKind.SUBSCRIPTION_CHARGE);
    }

    @Test
    void begin_twiceFromTheSameRead_secondWritesNothing() {
        assertThat(ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW))).isPresent();

        // a second run read the same version and tries the same attempt, or (stale) a different one
        assertThat(ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW))).isEmpty();
        assertThat(ledger.begin(attempt(stored, 2), order("sub1_p0_a2"), stored.attemptStarted(NOW))).isEmpty();

        assertThat(attempts.listForPeriod("cust-a", "sub1", 0)).hasSize(1);
        assertThat(orders.find("sub1_p0_a2")).isEmpty();
    }

    @Test
    void settle_fromAStaleAttemptVersion_writesNothing() {
        ChargeLedger.Begun begun = ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW)).orElseThrow();
        ChargeAttempt paid = begun.attempt().transitionTo(ChargeAttemptState.PAID, "imp_1", null, NOW);
        assertThat(ledger.settle(paid, begun.subscription().periodPaid(NOW))).isPresent();

        ChargeAttempt declined = begun.attempt().transitionTo(ChargeAttemptState.DECLINED, null, "limit", NOW);
        Subscription latest = subscriptions.find("cust-a", "sub1").orElseThrow();

        assertThat(ledger.settle(declined, latest.chargingStopped(NOW))).isEmpty();
        assertThat(subscriptions.find("cust-a", "sub1").orElseThrow()).isEqualTo(latest);
        assertThat(latest.period()).isEqualTo(1);
        assertThat(attempts.find("cust-a", "sub1", 0, 1).orElseThrow().state()).isEqualTo(ChargeAttemptState.PAID);
    }

    @Test
    void begin_whenTheOrdersMerchantUidIsTaken_writesNeitherAttemptNorSubscription() {
        orders.insert(order("sub1_p0_a1"));

        assertThat(ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW))).isEmpty();

        assertThat(attempts.find("cust-a", "sub1", 0, 1)).isEmpty();
        assertThat(subscriptions.find("cust-a", "sub1").orElseThrow()).isEqualTo(stored);
    }

    @Test
    void settle_fromTheVersionsBegunAt_writesBoth() {
        ChargeLedger.Begun begun = ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW)).orElseThrow();

        Subscription settled = ledger.settle(begun.attempt().transitionTo(ChargeAttemptState.PAID, "imp_1", null, NOW),
                begun.subscription().periodPaid(NOW)).orElseThrow();

        assertThat(settled.version()).isEqualTo(begun.subscription().version() + 1);
        assertThat(subscriptions.find("cust-a", "sub1").orElseThrow()).isEqualTo(settled);
        assertThat(attempts.find("cust-a", "sub1", 0, 1).orElseThrow().version()).isEqualTo(2);
        assertThat(attempts.findUnresolved(null, 10).items()).isEmpty();
    }

    @Test
    void settle_withTheOrder_writesAllThreeInOneGo() {
        ChargeLedger.Begun begun = ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW)).orElseThrow();

        ChargeLedger.Settled settled = ledger.settle(begun.attempt().transitionTo(ChargeAttemptState.PAID, "imp_1", null, NOW),
                begun.subscription().periodPaid(NOW), begun.order().transitionTo(OrderStatus.PAID, "imp_1", null, null, null, NOW))
                .orElseThrow();

        assertThat(settled.orderWritten()).isTrue();
        Order order = orders.find("sub1_p0_a1").orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.version()).isEqualTo(begun.order().version() + 1);
        assertThat(attempts.find("cust-a", "sub1", 0, 1).orElseThrow().state()).isEqualTo(ChargeAttemptState.PAID);
    }

    @Test
    void settle_whenOnlyTheOrderWasMovedMeanwhile_writesAttemptAndSubscription_andLeavesTheOrder() {
        ChargeLedger.Begun begun = ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW)).orElseThrow();
        orders.update(begun.order().transitionTo(OrderStatus.PAID, "imp_1", null, null, null, NOW)); // verify's webhook first

        ChargeLedger.Settled settled = ledger.settle(begun.attempt().transitionTo(ChargeAttemptState.PAID, "imp_1", null, NOW),
                begun.subscription().periodPaid(NOW), begun.order().transitionTo(OrderStatus.PAID, "imp_1", null, null, null, NOW))
                .orElseThrow();

        assertThat(settled.orderWritten()).isFalse();
        assertThat(orders.find("sub1_p0_a1").orElseThrow().version()).isEqualTo(begun.order().version() + 1);
        assertThat(attempts.find("cust-a", "sub1", 0, 1).orElseThrow().state()).isEqualTo(ChargeAttemptState.PAID);
        assertThat(subscriptions.find("cust-a", "sub1").orElseThrow()).isEqualTo(settled.subscription());
    }

    @Test
    void settle_withTheOrder_fromAStaleSubscription_writesNothing_orderIncluded() {
        ChargeLedger.Begun begun = ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW)).orElseThrow();
        subscriptions.update(begun.subscription().cancel(NOW));

        assertThat(ledger.settle(begun.attempt().transitionTo(ChargeAttemptState.PAID, "imp_1", null, NOW),
                begun.subscription().periodPaid(NOW), begun.order().transitionTo(OrderStatus.PAID, "imp_1", null, null, null, NOW)))
                .isEmpty();
        assertThat(orders.find("sub1_p0_a1").orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(attempts.find("cust-a", "sub1", 0, 1).orElseThrow().state()).isEqualTo(ChargeAttemptState.IN_FLIGHT);
    }

    @Test
    void startPaidByWindow_claimsTheWindowOnce() {
        Order window = paidWindow("win_1");
        Subscription fresh = StoreSamples.subscription("cust-a", "sub2", NOW);

        Subscription started = ledger.startPaidByWindow(fresh, ChargeAttempt.paidByWindow(fresh, window, NOW),
                window.claimedAsFirstPeriodOf("sub2", NOW)).orElseThrow();
        Subscription rival = StoreSamples.subscription("cust-a", "sub3", NOW);
        var second = ledger.startPaidByWindow(rival, ChargeAttempt.paidByWindow(rival, window, NOW),
                window.claimedAsFirstPeriodOf("sub3", NOW));

        assertThat(started.version()).isEqualTo(1);
        assertThat(second).isEmpty();
        assertThat(orders.find("win_1").orElseThrow().subscriptionId()).isEqualTo("sub2");
        assertThat(subscriptions.find("cust-a", "sub3")).isEmpty();
        assertThat(attempts.listForPeriod("cust-a", "sub3", 0)).isEmpty();
        assertThat(attempts.find("cust-a", "sub2", 0, 1).orElseThrow().state()).isEqualTo(ChargeAttemptState.PAID);
    }

    /** A paid kakaopay billing-key window that charged a plan's first period, stored at version 2. */
    private Order paidWindow(String merchantUid) {
        Order window = Order.pending(merchantUid, OrderKind.BILLING_KEY_ISSUE, "cust-a", "Monthly plan", 8900, Pg.KAKAOPAY, null,
                List.of(), "cuid_sub2", null, NOW).forPlan("plan-monthly");
        Order inserted = orders.insert(window).current().orElseThrow();
        return orders.update(inserted.transitionTo(OrderStatus.PAID, "imp_w1", null, null, null, NOW)).current().orElseThrow();
    }

    private static ChargeAttempt attempt(Subscription subscription, int number) {
        return ChargeAttempt.inFlight(subscription, number, subscription.id() + "_p0_a" + number, NOW);
    }

    private static Order order(String merchantUid) {
        return Order.pending(merchantUid, OrderKind.SUBSCRIPTION_CHARGE, "cust-a", "Monthly plan", 8900, Pg.TOSSPAYMENTS, "card",
                List.of(), "cuid_sub1", "sub1", NOW);
    }
}
