package kr.storefront.payments.core.testing;

import static kr.storefront.payments.core.testing.contract.StoreSamples.NOW;
import static kr.storefront.payments.core.testing.contract.StoreSamples.pendingOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.store.InvalidCursorException;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.testing.contract.OrderStoreContract;
import org.junit.jupiter.api.Test;

/** The {@link OrderStoreContract} on the fake, and what the fake adds: seeding, the write log, paging and precision details. */
class InMemoryOrderStoreTest extends OrderStoreContract {

    private final InMemoryOrderStore fake = new InMemoryOrderStore();

    @Override
    protected OrderStore newStore() {
        return new InMemoryOrderStore();
    }

    @Test
    void storedTimes_areCutToTheMillisecond_asTheTableKeepsThem() {
        Order order = pendingOrder("ord_nanos", NOW.plusNanos(1_234_567));

        Order stored = fake.insert(order).current().orElseThrow();

        assertThat(stored.createdAt()).isEqualTo(NOW.plusMillis(1));
        assertThat(fake.find("ord_nanos").orElseThrow()).isEqualTo(stored);
    }

    @Test
    void aFullLastPage_stillCarriesACursor_andTheNextPageIsEmpty() {
        fake.insert(pendingOrder("ord_a", NOW));
        fake.insert(pendingOrder("ord_b", NOW.plusSeconds(1)));

        Page<Order> first = fake.findOpenCreatedBefore(NOW.plusSeconds(60), null, 2);
        Page<Order> second = fake.findOpenCreatedBefore(NOW.plusSeconds(60), first.nextCursor(), 2);

        assertThat(first.items()).hasSize(2);
        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.items()).isEmpty();
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void aCursorOfAnotherStoresList_isRefused() {
        InMemoryBillingKeyStore keys = new InMemoryBillingKeyStore();
        keys.seed(BillingKey.pending("cust-a", "cuid_1", Pg.PAYCO, NOW));
        String keysCursor = keys.listByCustomer("cust-a", null, 1).nextCursor();

        assertThatThrownBy(() -> fake.findOpenCreatedBefore(NOW, keysCursor, 10)).isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void seed_storesAsGiven_andOnlyWritesAreLogged() {
        Order seeded = fake.seed(pendingOrder("ord_seeded", NOW));
        fake.update(seeded.transitionTo(OrderStatus.PAID, "imp_1", null, null, null, NOW));

        assertThat(seeded.version()).isEqualTo(1);
        assertThat(fake.writes()).extracting(Order::status, Order::version).containsExactly(
                tuple(OrderStatus.PAID, 2L));
        assertThat(fake.all()).extracting(Order::merchantUid).isEqualTo(List.of("ord_seeded"));
    }
}
