package kr.storefront.payments.core.confirm;

import static kr.storefront.payments.core.confirm.ConfirmFixture.PRICE;
import static kr.storefront.payments.core.confirm.ConfirmFixture.logsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.VirtualAccount;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.store.StoreUnavailableException;
import kr.storefront.payments.core.testing.FakeIamportGateway.Answer;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import kr.storefront.payments.core.testing.IamportConfigurations;
import kr.storefront.payments.core.testing.IamportPaymentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The confirm step for windows that take money (README, Verify API: the "payment" rows), which ids it accepts,
 * and what it does when i'mport or the store cannot be reached. Key-only windows: {@link KeyOnlyWindowConfirmationTest};
 * kakaopay's first period: {@link FirstPeriodWindowConfirmationTest}; races: {@link ConcurrentConfirmationTest}.
 */
class ConfirmServiceTest {

    private static final VirtualAccount ACCOUNT = new VirtualAccount("088", "신한은행", "56211105948400", "(주)스토어프론트",
            Instant.parse("2026-06-04T14:59:59Z"));

    private final ConfirmFixture fixture = new ConfirmFixture();

    // ---- the outcome table, payment rows

    @Test
    void paid_makesTheOrderPaid_withItsImpUidAndCard() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));

        ConfirmOutcome outcome = fixture.confirm(payment, ConfirmSource.REDIRECT);

        Order stored = fixture.stored(order.merchantUid());
        assertThat(outcome).isEqualTo(new ConfirmOutcome.Confirmed(stored, true));
        assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored.impUid()).isEqualTo(payment.impUid());
        assertThat(stored.card()).isEqualTo(IamportPaymentBuilder.DEFAULT_CARD);
        assertThat(stored.failReason()).isNull();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(fixture.refundRequests()).isEmpty();
    }

    @Test
    void readyWithAVirtualAccount_awaitsTheDeposit_keepingTheAccount_andTheDepositMakesItPaid() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment issued = fixture.seed(fixture.payment(order).awaitingDeposit(ACCOUNT));

        ConfirmOutcome awaiting = fixture.confirm(issued, ConfirmSource.CALLBACK);

        Order stored = fixture.stored(order.merchantUid());
        assertThat(awaiting).isEqualTo(new ConfirmOutcome.Confirmed(stored, true));
        assertThat(stored.status()).isEqualTo(OrderStatus.AWAITING_DEPOSIT);
        assertThat(stored.virtualAccount()).isEqualTo(ACCOUNT);
        assertThat(stored.card()).isNull();

        fixture.clock.advance(Duration.ofHours(5));
        IamportPayment deposited = fixture.seed(IamportPaymentBuilder.from(issued).status(PaymentStatus.PAID)
                .paidAt(fixture.clock.instant()));
        fixture.confirm(deposited, ConfirmSource.WEBHOOK);

        Order paid = fixture.stored(order.merchantUid());
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.virtualAccount()).as("the account stays on the order").isEqualTo(ACCOUNT);
        assertThat(paid.updatedAt()).isEqualTo(fixture.clock.instant());
    }

    @Test
    void readyWithoutAVirtualAccount_aWindowNotFinished_leavesTheOrderPending() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment opened = fixture.seed(fixture.payment(order).ready());

        ConfirmOutcome outcome = fixture.confirm(opened, ConfirmSource.REDIRECT);

        assertThat(outcome).isEqualTo(new ConfirmOutcome.Confirmed(order, false));
        assertThat(fixture.stores.orders().writes()).isEmpty();
    }

    @Test
    void failed_failsTheOrderWithThePgsReason_andALateApprovalStillEndsPaid() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment failed = fixture.seed(fixture.payment(order).failed("PAY_PROCESS_CANCELED", fixture.clock.instant()));

        fixture.confirm(failed, ConfirmSource.REDIRECT);

        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(fixture.stored(order.merchantUid()).failReason()).isEqualTo("PAY_PROCESS_CANCELED");

        IamportPayment approvedLate = fixture.seed(IamportPaymentBuilder.from(failed).status(PaymentStatus.PAID)
                .paidAt(fixture.clock.instant()));
        ConfirmOutcome outcome = fixture.confirm(approvedLate, ConfirmSource.WEBHOOK);

        assertThat(outcome).isInstanceOfSatisfying(ConfirmOutcome.Confirmed.class, confirmed -> {
            assertThat(confirmed.changed()).isTrue();
            assertThat(confirmed.order().status()).isEqualTo(OrderStatus.PAID);
        });
        assertThat(fixture.refundRequests()).isEmpty();
    }

    @Test
    void failedWithoutAReason_isRecordedAsPaymentFailed() {
        Order order = fixture.order(Pg.PAYCO);
        IamportPayment failed = fixture.seed(fixture.payment(order).failed(null, fixture.clock.instant()));

        fixture.confirm(failed, ConfirmSource.REDIRECT);

        assertThat(fixture.stored(order.merchantUid()).failReason()).isEqualTo("payment failed");
    }

    @Test
    void cancelled_cancelsAPendingOrder() {
        Order order = fixture.order(Pg.KAKAOPAY);
        IamportPayment cancelled = fixture.seed(fixture.payment(order).refunded(PRICE, fixture.clock.instant()));

        fixture.confirm(cancelled, ConfirmSource.WEBHOOK);

        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void cancelled_afterPaid_aRefundInTheConsole_refundsThePaidOrder_withItsCancelHistory_andRefundsNothingItself() {
        Order order = fixture.order(Pg.KAKAOPAY);
        IamportPayment paid = fixture.seed(fixture.payment(order));
        fixture.confirm(paid, ConfirmSource.CALLBACK);

        IamportPayment refunded = fixture.seed(IamportPaymentBuilder.from(paid).refunded(PRICE, fixture.clock.instant()));
        fixture.confirm(refunded, ConfirmSource.WEBHOOK);

        Order stored = fixture.stored(order.merchantUid());
        assertThat(stored.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(stored.refundedAmount()).isEqualTo(PRICE);
        assertThat(stored.refunds()).singleElement().satisfies(r -> {
            assertThat(r.amount()).isEqualTo(PRICE);
            assertThat(r.refundId()).isNull();
            assertThat(r.pgTid()).isNotNull();
        });
        assertThat(fixture.refundRequests()).isEmpty();
    }

    @Test
    void partialRefundInTheConsole_makesThePaidOrderPartiallyRefunded_andARepeatChangesNothing() {
        Order order = fixture.order(Pg.KAKAOPAY);
        IamportPayment paid = fixture.seed(fixture.payment(order));
        fixture.confirm(paid, ConfirmSource.CALLBACK);

        IamportPayment part = fixture.seed(IamportPaymentBuilder.from(paid).refunded(1_000, fixture.clock.instant()));
        fixture.confirm(part, ConfirmSource.WEBHOOK);
        fixture.confirm(part, ConfirmSource.WEBHOOK);

        Order stored = fixture.stored(order.merchantUid());
        assertThat(stored.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(stored.refundedAmount()).isEqualTo(1_000);
        assertThat(stored.refunds()).hasSize(1);
        assertThat(fixture.refundRequests()).isEmpty();
    }

    @Test
    void aStatusIamportDoesNotList_changesNothing() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment odd = fixture.seed(fixture.payment(order).status(PaymentStatus.UNRECOGNIZED));

        assertThat(fixture.confirm(odd, ConfirmSource.REDIRECT)).isEqualTo(new ConfirmOutcome.Confirmed(order, false));
    }

    /** A paid order is final but for a cancellation: a later "failed" (or stale "ready") report cannot undo it. */
    @Test
    void aPaidOrder_isNotMovedBackByAFailedReport() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment paid = fixture.seed(fixture.payment(order));
        fixture.confirm(paid, ConfirmSource.REDIRECT);

        IamportPayment failed = fixture.seed(IamportPaymentBuilder.from(paid).failed("late failure", fixture.clock.instant()));
        ConfirmOutcome outcome = fixture.confirm(failed, ConfirmSource.WEBHOOK);

        assertThat(outcome).extracting(o -> ((ConfirmOutcome.Confirmed) o).changed()).isEqualTo(false);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    // ---- the mismatch row: FORGED, an ALERT line and a full refund with checksum, never PAID

    @Test
    void anotherAmount_isForged_alerted_andRefundedInFull_withTheRefundableBalanceAsChecksum() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment tampered = fixture.seed(fixture.payment(order).amount(1_000));

        String logs = logsOf(() -> fixture.confirm(tampered, ConfirmSource.REDIRECT));

        Order stored = fixture.stored(order.merchantUid());
        assertThat(stored.status()).isEqualTo(OrderStatus.FORGED);
        assertThat(stored.failReason()).isEqualTo("forged: i'mport reports 1000 won for an order of 36000 won");
        assertThat(stored.impUid()).isEqualTo(tampered.impUid());
        assertThat(fixture.refundRequests()).singleElement().satisfies(refund -> {
            assertThat(refund.impUid()).isEqualTo(tampered.impUid());
            assertThat(refund.checksum()).isEqualTo(1_000);
            assertThat(refund.amount()).as("everything that is left").isNull();
        });
        assertThat(fixture.iamport.payment(tampered.impUid()).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(logs).containsOnlyOnce("ALERT forged payment merchant_uid=" + order.merchantUid() + " imp_uid="
                + tampered.impUid() + ": forged: i'mport reports 1000 won");
    }

    @Test
    void anotherCurrency_isForgedAndRefunded() {
        Order order = fixture.order(Pg.PAYCO);
        IamportPayment payment = fixture.seed(fixture.payment(order).currency("USD"));

        fixture.confirm(payment, ConfirmSource.REDIRECT);

        assertThat(fixture.stored(order.merchantUid()).failReason()).isEqualTo("forged: i'mport reports currency USD for an order in KRW");
        assertThat(fixture.refundRequests()).extracting(PaymentCancel::checksum).containsExactly(PRICE);
    }

    /** The order fixes its PG: the browser can rewrite pg or channelKey, so the same amount through another PG is forged. */
    @ParameterizedTest(name = "paid through {0} for a tosspayments order")
    @EnumSource(value = Pg.class, names = "TOSSPAYMENTS", mode = EnumSource.Mode.EXCLUDE)
    void anotherPg_forTheSameAmount_isForgedAndRefunded(Pg other) {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order).pgProvider(other.code()));

        fixture.confirm(payment, ConfirmSource.CALLBACK);

        Order stored = fixture.stored(order.merchantUid());
        assertThat(stored.status()).isEqualTo(OrderStatus.FORGED);
        assertThat(stored.failReason()).isEqualTo("forged: paid through PG " + other.code() + ", but the order was opened for tosspayments");
        assertThat(fixture.refundRequests()).hasSize(1);
    }

    @Test
    void noPgProvider_isForged() {
        Order order = fixture.order(Pg.UPLUS);
        IamportPayment payment = fixture.seed(fixture.payment(order).pgProvider(null));

        fixture.confirm(payment, ConfirmSource.REDIRECT);

        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.FORGED);
    }

    @Test
    void aForgedPayment_partlyRefundedAlready_isRefundedWhatIsLeft_checksumThatBalance() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order).amount(50_000).refunded(14_000, fixture.clock.instant()));

        fixture.confirm(payment, ConfirmSource.REDIRECT);

        assertThat(fixture.refundRequests()).singleElement().satisfies(refund -> {
            assertThat(refund.checksum()).isEqualTo(36_000);
            assertThat(refund.amount()).as("everything that is left").isNull();
        });
        assertThat(fixture.iamport.payment(payment.impUid()).orElseThrow().refundableAmount()).isZero();
    }

    /** A virtual account for the wrong amount has taken no money yet: forged, but there is nothing to refund. */
    @Test
    void aVirtualAccountForAnotherAmount_isForged_withoutARefund() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment issued = fixture.seed(fixture.payment(order).amount(100).awaitingDeposit(ACCOUNT));

        fixture.confirm(issued, ConfirmSource.WEBHOOK);

        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.FORGED);
        assertThat(fixture.iamport.calls(Operation.CANCEL)).isEmpty();
    }

    @Test
    void aForgedOrder_neverBecomesPaid_andIsNotRefundedTwice() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment tampered = fixture.seed(fixture.payment(order).amount(1_000));
        fixture.confirm(tampered, ConfirmSource.REDIRECT);
        Order forged = fixture.stored(order.merchantUid());

        IamportPayment refunded = fixture.iamport.payment(tampered.impUid()).orElseThrow();
        fixture.confirm(refunded, ConfirmSource.WEBHOOK);
        ConfirmOutcome outcome = fixture.confirm(tampered, ConfirmSource.CALLBACK); // re-fetched: i'mport shows it refunded

        assertThat(outcome).isEqualTo(new ConfirmOutcome.Confirmed(forged, false));
        assertThat(fixture.refundRequests()).as("nothing left to refund, nothing asked again")
                .extracting(PaymentCancel::checksum).containsExactly(1_000L);
        assertThat(fixture.iamport.payment(tampered.impUid()).orElseThrow().refundableAmount()).isZero();
        assertThat(fixture.metrics.events()).as("one forgery counted, however often it is confirmed")
                .containsExactly("confirmed FORGED");
    }

    @ParameterizedTest(name = "refund answered {0}")
    @EnumSource(RefundFailure.class)
    void aForgedPayment_whoseRefundIsNotConfirmed_isStillForged_andAlertedForAnOperator(RefundFailure failure) {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment tampered = fixture.seed(fixture.payment(order).amount(1_000));
        fixture.iamport.next(Operation.CANCEL, failure.answer);

        String logs = logsOf(() -> fixture.confirm(tampered, ConfirmSource.REDIRECT));

        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.FORGED);
        assertThat(logs).contains("ALERT forged payment merchant_uid=" + order.merchantUid())
                .contains("ALERT refund of forged payment imp_uid=" + tampered.impUid() + " not confirmed");
    }

    enum RefundFailure {
        REFUSED(Answer.refuse(1, "취소할 결제건이 존재하지 않습니다.")),
        UNREACHABLE(Answer.unreachable()),
        LOST(Answer.lostBeforeApplying());

        final Answer answer;

        RefundFailure(Answer answer) {
            this.answer = answer;
        }
    }

    // ---- test-channel payments: refused unless iamport.include-sandbox

    /** find by merchant_uid shows test-channel payments (it has no include_sandbox), so confirm itself refuses them. */
    @Test
    void aTestChannelPayment_foundByMerchantUid_isRejected_andTheOrderStaysPending() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        fixture.seed(fixture.payment(order).sandbox(true));

        ConfirmOutcome outcome = fixture.confirm.confirm(new ConfirmRequest(null, order.merchantUid(), ConfirmSource.REDIRECT));

        assertThat(outcome).isEqualTo(new ConfirmOutcome.Rejected("test payments are not accepted"));
        assertThat(fixture.stored(order.merchantUid())).isEqualTo(order);
        assertThat(fixture.iamport.calls(Operation.CANCEL)).isEmpty();
    }

    @Test
    void aTestChannelPayment_byImpUid_isNotFound_asFindHidesIt() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment test = fixture.seed(fixture.payment(order).sandbox(true));

        assertThat(fixture.confirm(test, ConfirmSource.CALLBACK)).isInstanceOf(ConfirmOutcome.PaymentNotFound.class);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void aTestChannelPayment_passedInByOurOwnCharge_isRejected() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment test = fixture.seed(fixture.payment(order).sandbox(true));

        assertThat(fixture.confirm.apply(test, ConfirmSource.SERVER_CHARGE)).isInstanceOf(ConfirmOutcome.Rejected.class);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void withIncludeSandbox_aTestChannelPayment_isConfirmedLikeAnyOther() {
        ConfirmFixture staging = new ConfirmFixture(IamportConfigurations.withSandbox(true));
        Order byImpUid = staging.order(Pg.TOSSPAYMENTS);
        Order byMerchantUid = staging.order(Pg.TOSSPAYMENTS);
        IamportPayment first = staging.seed(staging.payment(byImpUid).sandbox(true));
        staging.seed(staging.payment(byMerchantUid).sandbox(true));

        staging.confirm(first, ConfirmSource.CALLBACK);
        staging.confirm.confirm(new ConfirmRequest(null, byMerchantUid.merchantUid(), ConfirmSource.REDIRECT));

        assertThat(staging.stored(byImpUid.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(staging.stored(byMerchantUid.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    // ---- the ids

    @Test
    void aRedirectWithoutImpUid_confirmsByMerchantUid_withTheLatestPayment() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        fixture.seed(fixture.payment(order).failed("card declined", fixture.clock.instant()));
        IamportPayment retried = fixture.seed(fixture.payment(order));

        ConfirmOutcome outcome = fixture.confirm.confirm(new ConfirmRequest(null, order.merchantUid(), ConfirmSource.REDIRECT));

        assertThat(outcome).isInstanceOf(ConfirmOutcome.Confirmed.class);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.stored(order.merchantUid()).impUid()).isEqualTo(retried.impUid());
        assertThat(fixture.iamport.calls(Operation.FIND_PAYMENT)).isEmpty();
        assertThat(fixture.iamport.calls(Operation.FIND_PAYMENT_BY_MERCHANT_UID)).singleElement()
                .satisfies(call -> assertThat(call.arguments()).containsExactly(order.merchantUid(), null));
    }

    @Test
    void anImpUidOnly_isEnough() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));

        fixture.confirm.confirm(new ConfirmRequest(payment.impUid(), null, ConfirmSource.WEBHOOK));

        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void theImpUidOfAnotherOrder_isRejected_andNeitherOrderChanges() {
        Order mine = fixture.order(Pg.KAKAOPAY);
        Order theirs = fixture.order(Pg.KAKAOPAY);
        IamportPayment theirPayment = fixture.seed(fixture.payment(theirs));

        ConfirmOutcome outcome = fixture.confirm.confirm(new ConfirmRequest(theirPayment.impUid(), mine.merchantUid(),
                ConfirmSource.CALLBACK));

        assertThat(outcome).isEqualTo(new ConfirmOutcome.Rejected("imp_uid and merchant_uid do not belong together"));
        assertThat(fixture.stored(mine.merchantUid())).isEqualTo(mine);
        assertThat(fixture.stored(theirs.merchantUid())).isEqualTo(theirs);
    }

    @Test
    void anImpUidIamportDoesNotKnow_isPaymentNotFound() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);

        ConfirmOutcome outcome = fixture.confirm.confirm(new ConfirmRequest("imp_999999999999", order.merchantUid(),
                ConfirmSource.WEBHOOK));

        assertThat(outcome).isEqualTo(new ConfirmOutcome.PaymentNotFound("i'mport knows no such payment"));
        assertThat(fixture.stored(order.merchantUid())).isEqualTo(order);
    }

    @Test
    void aMerchantUidWithNoPaymentYet_isPaymentNotFound() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);

        assertThat(fixture.confirm.confirm(new ConfirmRequest(null, order.merchantUid(), ConfirmSource.REDIRECT)))
                .isInstanceOf(ConfirmOutcome.PaymentNotFound.class);
    }

    @Test
    void aPaymentForAMerchantUidThatIsNotOurs_isOrderNotFound() {
        IamportPayment stranger = fixture.iamport.seedPayment(fixture.iamport.newPayment("ord_not_ours", PRICE).build());

        ConfirmOutcome outcome = fixture.confirm(stranger, ConfirmSource.WEBHOOK);

        assertThat(outcome).isEqualTo(new ConfirmOutcome.OrderNotFound("ord_not_ours"));
        assertThat(fixture.stores.orders().all()).isEmpty();
        assertThat(fixture.iamport.calls(Operation.CANCEL)).isEmpty();
    }

    @Test
    void aRequestWithoutIds_isRefused() {
        assertThatThrownBy(() -> new ConfirmRequest(null, null, ConfirmSource.REDIRECT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPaymentFetchedByTheCaller_isAppliedWithoutAskingIamportAgain() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment charged = fixture.seed(fixture.payment(order).channel("api"));

        ConfirmOutcome outcome = fixture.confirm.apply(charged, ConfirmSource.SERVER_CHARGE);

        assertThat(outcome).extracting(o -> ((ConfirmOutcome.Confirmed) o).order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.iamport.calls()).isEmpty();
    }

    @Test
    void currentOrder_isTheStoredOrder_withoutAskingIamport() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);

        assertThat(fixture.confirm.currentOrder(order.merchantUid())).contains(order);
        assertThat(fixture.confirm.currentOrder("ord_unknown")).isEmpty();
        assertThat(fixture.iamport.calls()).isEmpty();
    }

    // ---- idempotent repeats

    @Test
    void aSecondConfirmation_changesNothing_andWritesNothing() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        ConfirmOutcome first = fixture.confirm(payment, ConfirmSource.REDIRECT);
        fixture.clock.advance(Duration.ofSeconds(3));

        ConfirmOutcome second = fixture.confirm(payment, ConfirmSource.CALLBACK);
        ConfirmOutcome third = fixture.confirm.confirm(new ConfirmRequest(null, order.merchantUid(), ConfirmSource.RECONCILIATION));

        Order paid = ((ConfirmOutcome.Confirmed) first).order();
        assertThat(second).isEqualTo(new ConfirmOutcome.Confirmed(paid, false));
        assertThat(third).isEqualTo(new ConfirmOutcome.Confirmed(paid, false));
        assertThat(fixture.stores.orders().writes()).hasSize(1);
    }

    @Test
    void aSecondConfirmationOfAForgery_whoseRefundDidNotGoThrough_asksAgain() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment tampered = fixture.seed(fixture.payment(order).amount(1_000));
        fixture.iamport.always(Operation.CANCEL, Answer.unreachable()); // even while the first refund is unconfirmed

        fixture.confirm(tampered, ConfirmSource.REDIRECT);
        ConfirmOutcome second = fixture.confirm(tampered, ConfirmSource.CALLBACK);

        assertThat(second).extracting(o -> ((ConfirmOutcome.Confirmed) o).changed()).isEqualTo(false);
        assertThat(fixture.iamport.calls(Operation.CANCEL)).hasSize(2);
        assertThat(fixture.stores.orders().writes()).hasSize(1);
    }

    /** The write of FORGED took effect but its answer was lost: nobody refunded, so the next confirmation does. */
    @Test
    void aForgeryWhoseWriteAnswerWasLost_isRefundedByTheNextConfirmation() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment tampered = fixture.seed(fixture.payment(order).amount(1_000));
        fixture.stores.orders().faults().failNextCallAfterWriting("update");

        assertThatThrownBy(() -> fixture.confirm(tampered, ConfirmSource.REDIRECT)).isInstanceOf(StoreUnavailableException.class);
        assertThat(fixture.refundRequests()).as("no refund before the write is known").isEmpty();
        String logs = logsOf(() -> fixture.confirm(tampered, ConfirmSource.WEBHOOK));

        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.FORGED);
        assertThat(fixture.refundRequests()).extracting(PaymentCancel::checksum).containsExactly(1_000L);
        assertThat(fixture.iamport.payment(tampered.impUid()).orElseThrow().refundableAmount()).isZero();
        assertThat(logs).contains("ALERT forged order merchant_uid=" + order.merchantUid() + " imp_uid=" + tampered.impUid()
                + " still holds 1000 won");
    }

    // ---- i'mport or the store unavailable

    @Test
    void iamportUnreachable_throws_andTheOrderIsUntouched_soARetryCanConfirmIt() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        fixture.iamport.next(Operation.FIND_PAYMENT, Answer.unreachable());

        assertThatThrownBy(() -> fixture.confirm(payment, ConfirmSource.REDIRECT)).isInstanceOf(IamportUnavailableException.class);
        assertThat(fixture.stored(order.merchantUid())).isEqualTo(order);

        fixture.confirm(payment, ConfirmSource.CALLBACK);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void iamportUnreachable_forAFindByMerchantUid_throws() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        fixture.seed(fixture.payment(order));
        fixture.iamport.next(Operation.FIND_PAYMENT_BY_MERCHANT_UID, Answer.lostBeforeApplying());

        assertThatThrownBy(() -> fixture.confirm.confirm(new ConfirmRequest(null, order.merchantUid(), ConfirmSource.REDIRECT)))
                .isInstanceOf(IamportUnavailableException.class);
        assertThat(fixture.stored(order.merchantUid())).isEqualTo(order);
    }

    @Test
    void storeUnreadable_throws_beforeAnythingIsWritten() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order).amount(1_000));
        fixture.stores.orders().faults().failNextCall("find");

        assertThatThrownBy(() -> fixture.confirm(payment, ConfirmSource.REDIRECT)).isInstanceOf(StoreUnavailableException.class);
        assertThat(fixture.stores.orders().writes()).isEmpty();
        assertThat(fixture.iamport.calls(Operation.CANCEL)).as("no refund without the FORGED write").isEmpty();
    }

    @Test
    void storeUnwritable_throws_andTheRetryAppliesTheTransition() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        fixture.stores.orders().faults().failNextCall("update");

        assertThatThrownBy(() -> fixture.confirm(payment, ConfirmSource.REDIRECT)).isInstanceOf(StoreUnavailableException.class);
        assertThat(fixture.stored(order.merchantUid())).isEqualTo(order);

        ConfirmOutcome retry = fixture.confirm(payment, ConfirmSource.REDIRECT);
        assertThat(retry).extracting(o -> ((ConfirmOutcome.Confirmed) o).changed()).isEqualTo(true);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    /** The write took effect but its answer was lost: the caller cannot tell, and the next confirmation finds it done. */
    @Test
    void aWriteWhoseAnswerWasLost_isFoundDoneByTheNextConfirmation() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        fixture.stores.orders().faults().failNextCallAfterWriting("update");

        assertThatThrownBy(() -> fixture.confirm(payment, ConfirmSource.REDIRECT)).isInstanceOf(StoreUnavailableException.class);
        ConfirmOutcome retry = fixture.confirm(payment, ConfirmSource.REDIRECT);

        assertThat(retry).isEqualTo(new ConfirmOutcome.Confirmed(fixture.stored(order.merchantUid()), false));
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.stores.orders().writes()).hasSize(1);
    }
}
