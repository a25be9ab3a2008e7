package kr.storefront.payments.core.testing;

import static kr.storefront.payments.core.testing.contract.StoreSamples.NOW;
import static kr.storefront.payments.core.testing.contract.StoreSamples.pendingOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.WriteResult;
import kr.storefront.payments.core.testing.contract.OrderStoreContract;
import org.junit.jupiter.api.Test;

/** The {@link OrderStoreContract} through the racing store (it passes everything on), and its rivals. */
class RacingOrderStoreTest extends OrderStoreContract {

    private final InMemoryOrderStore store = new InMemoryOrderStore();
    private final RacingOrderStore racing = new RacingOrderStore(store);

    @Override
    protected OrderStore newStore() {
        return new RacingOrderStore(new InMemoryOrderStore());
    }

    @Test
    void aRivalWritingFirst_makesTheCallersUpdateConflict_withTheRivalsValue() {
        Order read = store.seed(pendingOrder("ord_race", NOW));
        racing.beforeNextUpdate(() -> store.update(read.transitionTo(OrderStatus.PAID, "imp_rival", null, null, null, NOW)));

        WriteResult<Order> mine = racing.update(read.transitionTo(OrderStatus.FAILED, "imp_mine", null, null, "declined", NOW));

        assertThat(mine.applied()).isFalse();
        assertThat(mine.current()).hasValueSatisfying(current -> {
            assertThat(current.status()).isEqualTo(OrderStatus.PAID);
            assertThat(current.version()).isEqualTo(2);
        });
    }

    @Test
    void eachRivalRunsOnce_oneUpdateEach_inTheOrderArmed() {
        Order read = store.seed(pendingOrder("ord_race", NOW));
        List<String> ran = new ArrayList<>();
        racing.beforeNextUpdate(() -> ran.add("first")).beforeNextUpdate(() -> ran.add("second"));

        racing.update(read);
        assertThat(ran).containsExactly("first");
        racing.update(store.find("ord_race").orElseThrow());
        racing.update(store.find("ord_race").orElseThrow());

        assertThat(ran).containsExactly("first", "second");
        assertThat(store.find("ord_race").orElseThrow().version()).isEqualTo(4);
    }

    @Test
    void touchedBeforeNextUpdates_movesTheVersionOnBeforeEachOfThem() {
        Order read = store.seed(pendingOrder("ord_race", NOW));
        racing.touchedBeforeNextUpdates("ord_race", 2);

        WriteResult<Order> first = racing.update(read);
        WriteResult<Order> second = racing.update(first.current().orElseThrow());
        WriteResult<Order> third = racing.update(second.current().orElseThrow());

        assertThat(List.of(first.applied(), second.applied(), third.applied())).containsExactly(false, false, true);
        assertThat(store.writes()).extracting(Order::version).containsExactly(2L, 3L, 4L);
    }
}
