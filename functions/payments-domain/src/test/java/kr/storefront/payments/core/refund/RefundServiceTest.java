package kr.storefront.payments.core.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.ResourceNotFoundException;
import kr.storefront.payments.core.domain.VirtualAccount;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.idempotency.Idempotencies;
import kr.storefront.payments.core.testing.FakeIamportGateway;
import kr.storefront.payments.core.testing.FakeIamportGateway.Answer;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import kr.storefront.payments.core.testing.InMemoryStores;
import kr.storefront.payments.core.testing.MutableClock;
import kr.storefront.payments.core.testing.RacingOrderStore;
import kr.storefront.payments.core.testing.RecordingMetrics;
import kr.storefront.payments.core.testing.SequentialIdGenerator;
import org.junit.jupiter.api.Test;

class RefundServiceTest {

    private static final String MERCHANT_UID = "ord_refund_1";
    private static final long PAID = 10_000;

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-12-01T03:00:00Z"));
    private final InMemoryStores stores = new InMemoryStores(clock);
    private final RacingOrderStore orders = new RacingOrderStore(stores.orders());
    private final FakeIamportGateway iamport = new FakeIamportGateway(clock);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final RefundService refunds = new RefundService(orders, iamport, Idempotencies.over(stores.idempotency(), clock),
            new SequentialIdGenerator(), metrics, clock);

    private IamportPayment paidOrder(String payMethod) {
        IamportPayment payment = iamport.seedPayment(iamport.newPayment(MERCHANT_UID, PAID).payMethod(payMethod).build());
        Order order = Order.pending(MERCHANT_UID, OrderKind.ONE_TIME, null, "주문", PAID, Pg.TOSSPAYMENTS, payMethod, List.of(),
                null, null, clock.instant());
        VirtualAccount account = "vbank".equals(payMethod) ? new VirtualAccount("004", "KB", "123", "홍길동", null) : null;
        stores.orders().seed(order.transitionTo(OrderStatus.PAID, payment.impUid(), account, null, null, clock.instant()));
        return payment;
    }

    private static RefundRequest refund(Long amount) {
        return new RefundRequest(amount, "고객 요청");
    }

    private Order stored() {
        return stores.orders().find(MERCHANT_UID).orElseThrow();
    }

    @Test
    void partialThenFull_recordsEachCancelHistoryEntry_andEndsRefunded() {
        paidOrder("card");

        var first = (RefundOutcome.Refunded) refunds.refund(MERCHANT_UID, refund(3_000L), "k1");
        assertThat(first.order().status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(first.order().refundedAmount()).isEqualTo(3_000);
        assertThat(first.refund().pgTid()).isNotNull();
        assertThat(iamport.requests(PaymentCancel.class).get(0).checksum()).isEqualTo(PAID);

        var second = (RefundOutcome.Refunded) refunds.refund(MERCHANT_UID, refund(null), "k2");
        assertThat(second.refund().amount()).isEqualTo(7_000);
        assertThat(stored().status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(stored().refunds()).hasSize(2);
        assertThat(stored().pendingRefund()).isNull();
        assertThat(iamport.requests(PaymentCancel.class).get(1).checksum()).isEqualTo(7_000);
        assertThat(metrics.events()).containsExactly("refund refunded 3000", "refund refunded 7000");

        assertThatThrownBy(() -> refunds.refund(MERCHANT_UID, refund(1L), "k3"))
                .isInstanceOfSatisfying(RefundRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefundRefusedException.Reason.NOT_REFUNDABLE));
    }

    @Test
    void aRetryWithTheSameKey_returnsTheFirstRefund_andRefundsOnce() {
        paidOrder("card");
        var first = (RefundOutcome.Refunded) refunds.refund(MERCHANT_UID, refund(3_000L), "k1");
        var retry = (RefundOutcome.Refunded) refunds.refund(MERCHANT_UID, refund(3_000L), "k1");

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.refund()).isEqualTo(first.refund());
        assertThat(iamport.calls(Operation.CANCEL)).hasSize(1);
        assertThat(stored().refundedAmount()).isEqualTo(3_000);
    }

    @Test
    void validation_reasonAmountAndTheVbankAccount() {
        paidOrder("vbank");
        assertThatThrownBy(() -> refunds.refund(MERCHANT_UID, new RefundRequest(1_000L, " "), null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("reason", "refund_holder", "refund_bank", "refund_account"));
        assertThatThrownBy(() -> refunds.refund(MERCHANT_UID, new RefundRequest(PAID + 1, "r", "홍길동", "004", "1234", null), null))
                .isInstanceOfSatisfying(RefundRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefundRefusedException.Reason.EXCEEDS_REFUNDABLE));
        assertThatThrownBy(() -> refunds.refund("ord_nope", refund(1L), null)).isInstanceOf(ResourceNotFoundException.class);
        assertThat(iamport.calls(Operation.CANCEL)).isEmpty();

        var done = (RefundOutcome.Refunded) refunds.refund(MERCHANT_UID,
                new RefundRequest(null, "r", "홍길동", "004", "1234", "010-1234-5678"), null);
        assertThat(done.order().status()).isEqualTo(OrderStatus.REFUNDED);
        PaymentCancel sent = iamport.requests(PaymentCancel.class).get(0);
        assertThat(sent.refundHolder()).isEqualTo("홍길동");
        assertThat(sent.refundBank()).isEqualTo("004");
        assertThat(sent.refundAccount()).isEqualTo("1234");
        assertThat(sent.refundTel()).isEqualTo("010-1234-5678");
        assertThat(sent.toString()).doesNotContain("1234", "010");
    }

    @Test
    void rejectedByIamport_changesNothing() {
        paidOrder("card");
        iamport.next(Operation.CANCEL, Answer.refuse(1, "checksum(10000)이 취소가능잔액(5000)과 일치하지 않습니다."));

        assertThat(refunds.refund(MERCHANT_UID, refund(1_000L), "k1")).isEqualTo(new RefundOutcome.Rejected(1));
        assertThat(stored().refundedAmount()).isZero();
        assertThat(stored().pendingRefund()).isNull();
        assertThat(stored().status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void unknownOutcome_appliedAtIamport_isPending_thenSettledFromCancelHistory_neverSentTwice() {
        paidOrder("card");
        iamport.next(Operation.CANCEL, Answer.lostAfterApplying());

        var pending = (RefundOutcome.Pending) refunds.refund(MERCHANT_UID, refund(4_000L), "k1");
        assertThat(stored().pendingRefund().refundId()).isEqualTo(pending.refundId());

        var retry = (RefundOutcome.Refunded) refunds.refund(MERCHANT_UID, refund(4_000L), "k1");
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.refund().refundId()).isEqualTo(pending.refundId());
        assertThat(iamport.calls(Operation.CANCEL)).hasSize(1);
        assertThat(stored().refundedAmount()).isEqualTo(4_000);
        assertThat(stored().status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(metrics.events()).containsExactly("refund pending 0", "refund reconciled 4000");
    }

    @Test
    void settlePending_theLookupOfAnOrder_settlesALostRefund_andReadsIamportOnlyWhenOneIsPending() {
        paidOrder("card");
        int readsBefore = iamport.calls(Operation.FIND_PAYMENT).size();
        assertThat(refunds.settlePending(stored())).isEqualTo(stored());
        assertThat(iamport.calls(Operation.FIND_PAYMENT)).as("nothing pending: no i'mport call").hasSize(readsBefore);

        iamport.next(Operation.CANCEL, Answer.lostAfterApplying());
        var pending = (RefundOutcome.Pending) refunds.refund(MERCHANT_UID, refund(4_000L), "k1");
        Order settled = refunds.settlePending(stored());

        assertThat(settled.pendingRefund()).isNull();
        assertThat(settled.refund(pending.refundId())).get().extracting(r -> r.amount()).isEqualTo(4_000L);
        assertThat(settled.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(stored()).isEqualTo(settled);
        assertThat(iamport.calls(Operation.CANCEL)).hasSize(1);
        assertThat(metrics.events()).containsExactly("refund pending 0", "refund reconciled 4000");
    }

    @Test
    void unknownOutcome_neverApplied_holdsTheOrderWhileInFlight_thenIsDroppedAndMayBeAskedAgain() {
        paidOrder("card");
        iamport.next(Operation.CANCEL, Answer.lostBeforeApplying());
        refunds.refund(MERCHANT_UID, refund(4_000L), "k1");

        assertThatThrownBy(() -> refunds.refund(MERCHANT_UID, refund(2_000L), "k2"))
                .isInstanceOfSatisfying(RefundRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefundRefusedException.Reason.REFUND_PENDING));
        clock.advance(Duration.ofMinutes(2));

        var again = (RefundOutcome.Refunded) refunds.refund(MERCHANT_UID, refund(4_000L), "k1");
        assertThat(again.replayed()).isFalse();
        assertThat(iamport.calls(Operation.CANCEL)).hasSize(2);
        assertThat(stored().refundedAmount()).isEqualTo(4_000);
    }

    @Test
    void twoConcurrentPartialRefundsExceedingThePayment_exactlyOneIsSent() {
        paidOrder("card");
        AtomicReference<RefundOutcome> rival = new AtomicReference<>();
        orders.beforeNextUpdate(() -> rival.set(refunds.refund(MERCHANT_UID, refund(6_000L), "rival")));

        assertThatThrownBy(() -> refunds.refund(MERCHANT_UID, refund(7_000L), "mine"))
                .isInstanceOfSatisfying(RefundRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefundRefusedException.Reason.EXCEEDS_REFUNDABLE));
        assertThat(rival.get()).isInstanceOf(RefundOutcome.Refunded.class);
        assertThat(iamport.calls(Operation.CANCEL)).hasSize(1);
        assertThat(stored().refundedAmount()).isEqualTo(6_000);
        assertThat(iamport.payment(stored().impUid()).orElseThrow().cancelledAmount()).isEqualTo(6_000);
    }

    @Test
    void aStaleChecksum_isRefusedByIamport() {
        IamportPayment payment = paidOrder("card");
        // refunded elsewhere meanwhile (i'mport's console), not yet seen by us
        iamport.seedPayment(kr.storefront.payments.core.testing.IamportPaymentBuilder.from(payment)
                .refunded(5_000, clock.instant()).build());

        assertThat(refunds.refund(MERCHANT_UID, refund(6_000L), null)).isInstanceOf(RefundOutcome.Rejected.class);
        assertThat(iamport.payment(payment.impUid()).orElseThrow().cancelledAmount()).isEqualTo(5_000);
        assertThat(iamport.payment(payment.impUid()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
        // the refusal made us re-read the payment: the console refund is recorded, the next request judged against it
        assertThat(stored().refundedAmount()).isEqualTo(5_000);
        assertThat(stored().status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThatThrownBy(() -> refunds.refund(MERCHANT_UID, refund(6_000L), null))
                .isInstanceOfSatisfying(RefundRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefundRefusedException.Reason.EXCEEDS_REFUNDABLE));
        assertThat(refunds.refund(MERCHANT_UID, refund(5_000L), null)).isInstanceOf(RefundOutcome.Refunded.class);
        assertThat(stored().status()).isEqualTo(OrderStatus.REFUNDED);
    }
}
