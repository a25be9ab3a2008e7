package kr.storefront.payments.core.testing.contract;

import static kr.storefront.payments.core.testing.contract.StoreSamples.NOW;
import static kr.storefront.payments.core.testing.contract.StoreSamples.pendingOrder;
import static kr.storefront.payments.core.testing.contract.StoreSamples.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.storefront.payments.core.domain.CardSummary;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.VirtualAccount;
import kr.storefront.payments.core.store.InvalidCursorException;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.WriteResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OrderStore} must do: run against the real store (its IT) and the fake (its test). */
public abstract class OrderStoreContract {

    private OrderStore store;

    /** A store with nothing in it. */
    protected abstract OrderStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void insert_thenFind_roundTripsEveryField() {
        Order order = pendingOrder(uid("ord_"), NOW);

        WriteResult<Order> inserted = store.insert(order);

        assertThat(inserted.applied()).isTrue();
        Order found = store.find(order.merchantUid()).orElseThrow();
        assertThat(found).usingRecursiveComparison().ignoringFields("version").isEqualTo(order);
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void update_roundTripsRefunds_theRefundedAmount_andThePendingRefund() {
        Order order = store.insert(pendingOrder(uid("ord_"), NOW)).current().orElseThrow();
        Order paid = store.update(order.transitionTo(OrderStatus.PAID, "imp_100000000001", null, null, null, NOW))
                .current().orElseThrow();
        Order refunded = paid.withRefundsReported(1000, List.of(
                new kr.storefront.payments.core.domain.Refund(null, "pgtid_1", 1000, NOW.plusSeconds(1), "고객 요청",
                        "https://receipt.example/1")), NOW.plusSeconds(2))
                .withPendingRefund(new kr.storefront.payments.core.domain.PendingRefund("rfd_1", 500, 35000, NOW.plusSeconds(3)),
                        NOW.plusSeconds(3));

        assertThat(store.update(refunded).applied()).isTrue();

        Order stored = store.find(order.merchantUid()).orElseThrow();
        assertThat(stored).usingRecursiveComparison().ignoringFields("version").isEqualTo(refunded);
        assertThat(stored.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(stored.refundedAmount()).isEqualTo(1000);
        assertThat(stored.refunds()).singleElement().extracting(r -> r.pgTid()).isEqualTo("pgtid_1");
        assertThat(stored.pendingRefund().checksum()).isEqualTo(35000);
    }

    @Test
    void insert_sameMerchantUidTwice_secondIsAConflictAndFirstIsKept() {
        Order first = pendingOrder(uid("ord_"), NOW);
        store.insert(first);
        Order impostor = new Order(first.merchantUid(), first.kind(), "someone-else", "Other", 1, "KRW", first.pg(), null,
                List.of(), OrderStatus.PENDING, null, null, null, null, null, null, null, NOW, NOW, 0);

        WriteResult<Order> second = store.insert(impostor);

        assertThat(second.applied()).isFalse();
        assertThat(second.current()).get().extracting(Order::customerId).isEqualTo("customer-1");
        assertThat(store.find(first.merchantUid()).orElseThrow().amount()).isEqualTo(36000);
    }

    @Test
    void update_fromTheReadVersion_isApplied_andStoresTheTransition() {
        Order order = store.insert(pendingOrder(uid("ord_"), NOW)).current().orElseThrow();
        CardSummary card = new CardSummary("366", "신한카드", "5428791234560294", 0);

        WriteResult<Order> paid = store.update(order.transitionTo(OrderStatus.PAID, "imp_100000000001", null, card, null,
                NOW.plusSeconds(5)));

        assertThat(paid.applied()).isTrue();
        Order stored = store.find(order.merchantUid()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored.impUid()).isEqualTo("imp_100000000001");
        assertThat(stored.card().maskedNumber()).isEqualTo("542879******0294");
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void update_duplicateTransitionFromSameVersion_isRejectedNotAppliedTwice() {
        Order order = store.insert(pendingOrder(uid("ord_"), NOW)).current().orElseThrow();
        Order firstWriter = order.transitionTo(OrderStatus.PAID, "imp_1", null, null, null, NOW);
        Order secondWriter = order.transitionTo(OrderStatus.FAILED, "imp_1", null, null, "late failure", NOW);

        assertThat(store.update(firstWriter).applied()).isTrue();
        WriteResult<Order> second = store.update(secondWriter);

        assertThat(second.applied()).isFalse();
        assertThat(second.current()).get().satisfies(current -> {
            assertThat(current.status()).isEqualTo(OrderStatus.PAID);
            assertThat(current.version()).isEqualTo(2);
        });
    }

    @Test
    void update_twentyConcurrentWritersFromOneVersion_exactlyOneWins() throws Exception {
        Order order = store.insert(pendingOrder(uid("ord_"), NOW)).current().orElseThrow();
        int writers = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String impUid = "imp_" + i;
                Callable<Boolean> write = () -> {
                    start.await();
                    return store.update(order.transitionTo(OrderStatus.PAID, impUid, null, null, null, NOW)).applied();
                };
                results.add(pool.submit(write));
            }
            start.countDown();
            long applied = 0;
            for (Future<Boolean> result : results) {
                applied += result.get() ? 1 : 0;
            }

            assertThat(applied).isEqualTo(1);
            assertThat(store.find(order.merchantUid()).orElseThrow().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void update_ofAnOrderThatDoesNotExist_isAConflictWithNothingCurrent() {
        Order ghost = pendingOrder(uid("ord_"), NOW);

        WriteResult<Order> result = store.update(ghost.transitionTo(OrderStatus.PAID, "imp_9", null, null, null, NOW));

        assertThat(result.applied()).isFalse();
        assertThat(result.current()).isEmpty();
        assertThat(store.find(ghost.merchantUid())).isEmpty();
    }

    @Test
    void awaitingDeposit_keepsTheVirtualAccount() {
        Order order = store.insert(pendingOrder(uid("ord_"), NOW)).current().orElseThrow();
        VirtualAccount account = new VirtualAccount("004", "KB국민은행", "123-456-7890", "(주)스토어", NOW.plus(Duration.ofDays(3)));

        store.update(order.transitionTo(OrderStatus.AWAITING_DEPOSIT, "imp_2", account, null, null, NOW));

        assertThat(store.find(order.merchantUid()).orElseThrow().virtualAccount()).isEqualTo(account);
    }

    @Test
    void findOpenCreatedBefore_returnsOnlyOpenOrdersOlderThanTheCutoff_pageByPage() {
        Instant base = Instant.parse("2030-01-01T00:00:00Z");
        List<String> openOld = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Order order = store.insert(pendingOrder(uid("old_"), base.plusSeconds(i))).current().orElseThrow();
            openOld.add(order.merchantUid());
        }
        Order paidOld = store.insert(pendingOrder(uid("paid_"), base.plusSeconds(10))).current().orElseThrow();
        store.update(paidOld.transitionTo(OrderStatus.PAID, "imp_3", null, null, null, base.plusSeconds(11)));
        store.insert(pendingOrder(uid("new_"), base.plusSeconds(3600)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Order> page = store.findOpenCreatedBefore(base.plusSeconds(60), cursor, 2);
            page.items().forEach(order -> seen.add(order.merchantUid()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(openOld);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void findOpenCreatedBetween_returnsOpenOrdersInTheWindowOnly_fromInclusive_cutoffExclusive_pageByPage() {
        Instant from = Instant.parse("2031-03-01T00:00:00Z");
        Instant cutoff = from.plus(Duration.ofHours(1));
        store.insert(pendingOrder(uid("tooold_"), from.minusMillis(1)));
        List<String> inWindow = new ArrayList<>();
        inWindow.add(store.insert(pendingOrder(uid("first_"), from)).current().orElseThrow().merchantUid());
        for (int i = 1; i <= 3; i++) {
            inWindow.add(store.insert(pendingOrder(uid("mid_"), from.plusSeconds(i * 60L))).current().orElseThrow().merchantUid());
        }
        Order paid = store.insert(pendingOrder(uid("paid_"), from.plusSeconds(600))).current().orElseThrow();
        store.update(paid.transitionTo(OrderStatus.PAID, "imp_4", null, null, null, from.plusSeconds(601)));
        store.insert(pendingOrder(uid("atcutoff_"), cutoff));
        store.insert(pendingOrder(uid("young_"), cutoff.plusSeconds(1)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Order> page = store.findOpenCreatedBetween(from, cutoff, cursor, 2);
            page.items().forEach(order -> seen.add(order.merchantUid()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(inWindow);
        assertThat(pages).isGreaterThanOrEqualTo(2);
    }

    @Test
    void findByStatusCreatedBetween_listsOrdersNowInThatStatus_inTheWindow_newestFirst_pageByPage() {
        Instant from = Instant.parse("2032-01-01T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(1));
        List<String> paidInWindow = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Order order = store.insert(pendingOrder(uid("paid_"), from.plusSeconds(i * 60L))).current().orElseThrow();
            store.update(order.transitionTo(OrderStatus.PAID, "imp_" + i, null, null, null, from.plusSeconds(i * 60L + 1)));
            paidInWindow.add(0, order.merchantUid());
        }
        Order tooEarly = store.insert(pendingOrder(uid("early_"), from.minusMillis(1))).current().orElseThrow();
        store.update(tooEarly.transitionTo(OrderStatus.PAID, "imp_e", null, null, null, from));
        Order atTheEnd = store.insert(pendingOrder(uid("end_"), to)).current().orElseThrow();
        store.update(atTheEnd.transitionTo(OrderStatus.PAID, "imp_t", null, null, null, to));
        String pending = store.insert(pendingOrder(uid("pending_"), from.plusSeconds(30))).current().orElseThrow().merchantUid();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Order> page = store.findByStatusCreatedBetween(OrderStatus.PAID, from, to, cursor, 2);
            page.items().forEach(order -> seen.add(order.merchantUid()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(paidInWindow);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(store.findByStatusCreatedBetween(OrderStatus.PENDING, from, to, null, 10).items())
                .extracting(Order::merchantUid).containsExactly(pending);
    }

    @Test
    void findWithPendingRefund_listsPaidOrdersHoldingOne_oldestRequestFirst_andDropsThemOnceSettled() {
        Instant requested = Instant.parse("2034-01-01T00:00:00Z");
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Order order = store.insert(pendingOrder(uid("rfp_"), NOW)).current().orElseThrow();
            Order paid = store.update(order.transitionTo(OrderStatus.PAID, "imp_" + i, null, null, null, NOW)).current().orElseThrow();
            // requested in reverse order of creation: the list follows the request time
            store.update(paid.withPendingRefund(new kr.storefront.payments.core.domain.PendingRefund("rfd_" + i, 100, 36000,
                    requested.minusSeconds(i)), NOW));
            ours.add(0, order.merchantUid());
        }
        Order settled = store.find(ours.get(1)).orElseThrow();
        store.update(settled.withPendingRefund(null, NOW));
        String neverRefunded = store.insert(pendingOrder(uid("rfp_"), NOW)).current().orElseThrow().merchantUid();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Order> page = store.findWithPendingRefund(cursor, 2);
            page.items().forEach(order -> seen.add(order.merchantUid()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).as("other tests' orders may hold one too").filteredOn(ours::contains)
                .containsExactly(ours.get(0), ours.get(2));
        assertThat(seen).doesNotContain(neverRefunded);
    }

    @Test
    void findByStatusCreatedBetween_withACursorOfAnotherStatus_isRefused() {
        Instant from = Instant.parse("2033-01-01T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(1));
        for (int i = 0; i < 3; i++) {
            store.insert(pendingOrder(uid("pending_"), from.plusSeconds(i)));
        }
        String cursor = store.findByStatusCreatedBetween(OrderStatus.PENDING, from, to, null, 1).nextCursor();

        assertThat(cursor).isNotNull();
        assertThatThrownBy(() -> store.findByStatusCreatedBetween(OrderStatus.PAID, from, to, cursor, 1))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void findOpenCreatedBefore_withAMalformedCursor_isRefused() {
        assertThatThrownBy(() -> store.findOpenCreatedBefore(NOW, "not-base64!!", 10))
                .isInstanceOf(InvalidCursorException.class);
    }
}
