package kr.storefront.payments.core.confirm;

import static kr.storefront.payments.core.confirm.ConfirmFixture.PLAN_AMOUNT;
import static kr.storefront.payments.core.confirm.ConfirmFixture.logsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.VirtualAccount;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.store.ConcurrentUpdateException;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import kr.storefront.payments.core.testing.IamportPaymentBuilder;
import org.junit.jupiter.api.Test;

/**
 * Redirect, callback and webhook racing on one payment: the transition is one conditional write, the loser re-reads and
 * recomputes from what the winner stored, and only the writer of FORGED asks for a refund. The races are staged with
 * {@code RacingOrderStore} (a rival writes between the caller's read and its update), and once with real threads.
 */
class ConcurrentConfirmationTest {

    private final ConfirmFixture fixture = new ConfirmFixture();

    @Test
    void aLoserOfTheRace_findsTheWorkDone_andAnswersWithTheFinalState() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        AtomicReference<ConfirmOutcome> webhook = new AtomicReference<>();
        fixture.orders.beforeNextUpdate(() -> webhook.set(fixture.confirm(payment, ConfirmSource.WEBHOOK)));

        ConfirmOutcome redirect = fixture.confirm(payment, ConfirmSource.REDIRECT);

        Order paid = fixture.stored(order.merchantUid());
        assertThat(webhook.get()).isEqualTo(new ConfirmOutcome.Confirmed(paid, true));
        assertThat(redirect).isEqualTo(new ConfirmOutcome.Confirmed(paid, false));
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.version()).as("one transition").isEqualTo(2);
        assertThat(fixture.stores.orders().writes()).hasSize(1);
    }

    @Test
    void aForgeryRacedByTwoCallers_isRefundedOnce_theLosersRequestRefusedByTheChecksum() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment tampered = fixture.seed(fixture.payment(order).amount(500));
        AtomicReference<ConfirmOutcome> webhook = new AtomicReference<>();
        fixture.orders.beforeNextUpdate(() -> webhook.set(fixture.confirm(tampered, ConfirmSource.WEBHOOK)));

        String logs = logsOf(() -> fixture.confirm(tampered, ConfirmSource.CALLBACK));

        assertThat(webhook.get()).extracting(o -> ((ConfirmOutcome.Confirmed) o).changed()).isEqualTo(true);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.FORGED);
        // the loser read the payment before the refund: it asks too, with a checksum i'mport no longer accepts
        assertThat(fixture.refundRequests()).as("refund requests").extracting(PaymentCancel::checksum).containsExactly(500L, 500L);
        assertThat(fixture.iamport.payment(tampered.impUid()).orElseThrow().refundableAmount()).as("refunded once, in full")
                .isZero();
        assertThat(logs).containsOnlyOnce("ALERT forged payment").contains("refund refused");
    }

    /** The loser does not overwrite: it recomputes from the winner's state, and a later status can still follow it. */
    @Test
    void aLoserWhoseReportIsNewer_appliesItOnTopOfTheWinnersWrite() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment issued = fixture.seed(fixture.payment(order).awaitingDeposit(new VirtualAccount("088", "신한은행",
                "56211105948400", "(주)스토어프론트", null)));
        IamportPayment deposited = IamportPaymentBuilder.from(issued).status(PaymentStatus.PAID).paidAt(fixture.clock.instant()).build();
        fixture.orders.beforeNextUpdate(() -> fixture.confirm.apply(issued, ConfirmSource.WEBHOOK)); // read before the deposit

        ConfirmOutcome outcome = fixture.confirm.apply(deposited, ConfirmSource.CALLBACK);

        Order stored = fixture.stored(order.merchantUid());
        assertThat(outcome).isEqualTo(new ConfirmOutcome.Confirmed(stored, true));
        assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored.virtualAccount()).isNotNull();
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void aLoserWhoseReportIsStale_changesNothing_whenTheWinnerWentFurther() {
        Order order = fixture.order(Pg.KAKAOPAY);
        IamportPayment paid = fixture.seed(fixture.payment(order));
        IamportPayment refunded = IamportPaymentBuilder.from(paid).refunded(paid.amount(), fixture.clock.instant()).build();
        fixture.orders.beforeNextUpdate(() -> { // the webhook of the payment, then of its refund in the console
            fixture.confirm.apply(paid, ConfirmSource.WEBHOOK);
            fixture.confirm.apply(refunded, ConfirmSource.WEBHOOK);
        });

        ConfirmOutcome outcome = fixture.confirm.apply(paid, ConfirmSource.REDIRECT);

        Order refundedOrder = fixture.stored(order.merchantUid());
        assertThat(refundedOrder.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(outcome).isEqualTo(new ConfirmOutcome.Confirmed(refundedOrder, false));
        assertThat(fixture.stores.orders().writes()).extracting(Order::status)
                .containsExactly(OrderStatus.PAID, OrderStatus.REFUNDED);
    }

    @Test
    void anOrderThatKeepsChanging_givesUpWithConcurrentUpdate_andWritesNothingOfItsOwn() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        fixture.orders.touchedBeforeNextUpdates(order.merchantUid(), 5);

        assertThatThrownBy(() -> fixture.confirm(payment, ConfirmSource.REDIRECT)).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(fixture.iamport.calls(Operation.CANCEL)).isEmpty();
    }

    /**
     * Two confirmations of a key-only window that took money both read the payment as paid; whoever comes second sends
     * a refund whose checksum is stale, and i'mport refuses it: the money goes back once.
     */
    @Test
    void anUnexpectedChargeRacedByTwoCallers_isRefundedOnce_theSecondRequestRefusedByTheChecksum() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        fixture.issueKey(window, "tosspayments");
        IamportPayment charged = fixture.seed(fixture.payment(window).amount(PLAN_AMOUNT));
        fixture.orders.beforeNextUpdate(() -> fixture.confirm(charged, ConfirmSource.WEBHOOK));

        String logs = logsOf(() -> fixture.confirm(charged, ConfirmSource.REDIRECT));

        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.ACTIVE);
        assertThat(fixture.iamport.payment(charged.impUid()).orElseThrow().cancelledAmount()).isEqualTo(PLAN_AMOUNT);
        assertThat(fixture.iamport.calls(Operation.CANCEL)).hasSize(2);
        assertThat(logs).containsOnlyOnce("ALERT unexpected charge").contains("refund refused");
    }

    @Test
    void manyCallersAtOnce_applyOneTransition_andAForgeryIsRefundedOnce() throws Exception {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment tampered = fixture.seed(fixture.payment(order).amount(500));

        List<ConfirmOutcome> outcomes = race(20, () -> fixture.confirm(tampered, ConfirmSource.WEBHOOK));

        Order forged = fixture.stored(order.merchantUid());
        assertThat(forged.status()).isEqualTo(OrderStatus.FORGED);
        assertThat(forged.version()).isEqualTo(2);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(ConfirmOutcome.Confirmed.class,
                confirmed -> assertThat(confirmed.order()).isEqualTo(forged)));
        assertThat(outcomes).filteredOn(outcome -> ((ConfirmOutcome.Confirmed) outcome).changed()).hasSize(1);
        // callers that fetched the payment before the refund ask too, all with the same checksum: i'mport takes one
        assertThat(fixture.refundRequests()).isNotEmpty().extracting(PaymentCancel::checksum).containsOnly(500L);
        assertThat(fixture.iamport.payment(tampered.impUid()).orElseThrow().cancelledAmount()).as("refunded once").isEqualTo(500);
        assertThat(fixture.iamport.payment(tampered.impUid()).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
    }

    /** {@code callers} calls of {@code confirmation} released together. */
    private static List<ConfirmOutcome> race(int callers, Callable<ConfirmOutcome> confirmation) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<ConfirmOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return confirmation.call();
                }));
            }
            start.countDown();
            List<ConfirmOutcome> outcomes = new ArrayList<>();
            for (Future<ConfirmOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
