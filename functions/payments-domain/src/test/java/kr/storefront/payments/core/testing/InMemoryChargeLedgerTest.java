package kr.storefront.payments.core.testing;

import static kr.storefront.payments.core.testing.contract.StoreSamples.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.store.ChargeLedger;
import kr.storefront.payments.core.store.StoreUnavailableException;
import kr.storefront.payments.core.testing.contract.ChargeLedgerContract;
import kr.storefront.payments.core.testing.contract.StoreSamples;
import org.junit.jupiter.api.Test;

/** The {@link ChargeLedgerContract} on the fakes, and the fake's faults and atomicity under concurrent callers. */
class InMemoryChargeLedgerTest extends ChargeLedgerContract {

    private final InMemoryStores stores = new InMemoryStores(MutableClock.startingAt(NOW));
    private final Subscription subscription = stores.subscriptions()
            .insert(StoreSamples.subscription("cust-a", "sub1", NOW)).current().orElseThrow();

    @Override
    protected LedgerStores newLedger() {
        InMemoryStores fresh = new InMemoryStores(MutableClock.startingAt(NOW));
        return new LedgerStores(fresh.ledger(), fresh.subscriptions(), fresh.chargeAttempts(), fresh.orders());
    }

    @Test
    void aFaultBeforeWriting_leavesEverythingAsItWas() {
        stores.ledger().faults().failNextCall("begin");

        assertThatThrownBy(() -> begin(1)).isInstanceOf(StoreUnavailableException.class);

        assertThat(stores.chargeAttempts().all()).isEmpty();
        assertThat(stores.orders().all()).isEmpty();
        assertThat(stores.subscriptions().find("cust-a", "sub1").orElseThrow()).isEqualTo(subscription);
    }

    @Test
    void aFaultAfterWriting_throwsWithEveryItemWritten() {
        stores.ledger().faults().failNextCallAfterWriting("begin");

        assertThatThrownBy(() -> begin(1)).isInstanceOf(StoreUnavailableException.class);

        assertThat(stores.chargeAttempts().all()).extracting(ChargeAttempt::merchantUid).containsExactly("sub1_p0_a1");
        assertThat(stores.orders().find("sub1_p0_a1")).isPresent();
        assertThat(stores.subscriptions().find("cust-a", "sub1").orElseThrow().version()).isEqualTo(subscription.version() + 1);
        assertThat(begin(1)).as("the fault fires once").isEmpty();
    }

    @Test
    void concurrentBeginsFromOneRead_exactlyOneWritesAnything() throws Exception {
        int runs = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                int attempt = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return begin(attempt).isPresent();
                }));
            }
            start.countDown();
            int begun = 0;
            for (Future<Boolean> result : results) {
                begun += result.get() ? 1 : 0;
            }

            assertThat(begun).isEqualTo(1);
            assertThat(stores.chargeAttempts().all()).hasSize(1);
            assertThat(stores.orders().all()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<ChargeLedger.Begun> begin(int attempt) {
        String merchantUid = "sub1_p0_a" + attempt;
        Order order = Order.pending(merchantUid, OrderKind.SUBSCRIPTION_CHARGE, "cust-a", "Monthly plan", 8900, Pg.TOSSPAYMENTS,
                "card", List.of(), "cuid_sub1", "sub1", NOW);
        return stores.ledger().begin(ChargeAttempt.inFlight(subscription, attempt, merchantUid, NOW), order,
                subscription.attemptStarted(NOW));
    }
}
