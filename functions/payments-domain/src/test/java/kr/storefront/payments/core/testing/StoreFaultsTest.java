package kr.storefront.payments.core.testing;

import static kr.storefront.payments.core.testing.contract.StoreSamples.NOW;
import static kr.storefront.payments.core.testing.contract.StoreSamples.pendingOrder;
import static kr.storefront.payments.core.testing.contract.StoreSamples.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.confirm.WebhookDelivery;
import kr.storefront.payments.core.confirm.WebhookVerdict;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.idempotency.IdempotencyRecord;
import kr.storefront.payments.core.store.StoreUnavailableException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StoreFaultsTest {

    private static final Subscription SUBSCRIPTION = subscription("c", "s", NOW);

    private final InMemoryStores stores = new InMemoryStores(MutableClock.startingAt(NOW));
    private final InMemoryOrderStore orders = stores.orders();

    @Test
    void failNextCall_failsOnlyTheNextCallOfThatOperation_withNothingWritten() {
        orders.faults().failNextCall("insert");

        assertThatThrownBy(() -> orders.insert(pendingOrder("ord_1", NOW))).isInstanceOf(StoreUnavailableException.class);
        assertThat(orders.find("ord_1")).isEmpty();
        assertThat(orders.insert(pendingOrder("ord_1", NOW)).applied()).isTrue();
    }

    @Test
    void failNextCallAfterWriting_appliesTheWriteThenFails() {
        Order order = orders.insert(pendingOrder("ord_1", NOW)).current().orElseThrow();
        orders.faults().failNextCallAfterWriting("update");

        assertThatThrownBy(() -> orders.update(order.transitionTo(OrderStatus.PAID, "imp_1", null, null, null, NOW)))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(orders.find("ord_1").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void anAfterWritingFault_waitsForAWriteThatApplies() {
        Order order = orders.insert(pendingOrder("ord_1", NOW)).current().orElseThrow();
        orders.faults().failNextCallAfterWriting("update");
        Order stale = pendingOrder("ord_1", NOW);

        assertThat(orders.update(stale).applied()).as("a conflict writes nothing, so nothing times out").isFalse();
        assertThatThrownBy(() -> orders.update(order)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void anUnknownOperation_isRefusedWhenArmed() {
        assertThatThrownBy(() -> orders.faults().failNextCall("upsert")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("everyStore")
    void failAllCalls_makesEveryStoreUnavailable_untilRecovered(Consumer<InMemoryStores> call) {
        stores.failAllCalls();

        assertThatThrownBy(() -> call.accept(stores)).isInstanceOf(StoreUnavailableException.class);
        stores.recover();
        call.accept(stores);
    }

    static Stream<Named<Consumer<InMemoryStores>>> everyStore() {
        return Stream.of(
                Named.of("orders", s -> s.orders().find("ord_1")),
                Named.of("billingKeys", s -> s.billingKeys().listByCustomer("cust-a", null, 10)),
                Named.of("subscriptions", s -> s.subscriptions().findDue(NOW, null, 10)),
                Named.of("chargeAttempts", s -> s.chargeAttempts().findUnresolved(null, 10)),
                Named.of("ledger", s -> s.ledger().settle(ChargeAttempt.inFlight(SUBSCRIPTION, 1, "s_p0_a1", NOW), SUBSCRIPTION)),
                Named.of("catalog", s -> s.catalog().save(new Plan("p", "Plan", 1000, BillingInterval.months(1), true, false, NOW))),
                Named.of("idempotency", s -> s.idempotency().claim(new IdempotencyRecord("scope", "key", "h", "r", NOW,
                        NOW.plus(Duration.ofDays(1))))),
                Named.of("webhookLog", s -> s.webhookLog().record(new WebhookDelivery("imp_1", null, null, null, null, NOW,
                        WebhookVerdict.HANDLED, "detail", NOW.plus(Duration.ofDays(1))))));
    }
}
