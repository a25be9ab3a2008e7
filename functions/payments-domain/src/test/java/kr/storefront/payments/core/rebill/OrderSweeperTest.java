package kr.storefront.payments.core.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.VirtualAccount;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.rebill.RunTally.Outcome;
import kr.storefront.payments.core.store.ChargeLedger;
import kr.storefront.payments.core.testing.CapturedStdout;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import kr.storefront.payments.core.testing.IamportPaymentBuilder;
import org.junit.jupiter.api.Test;

/** An open order confirmed by merchant_uid as verify confirms it, so a lost webhook never loses a paid order. */
class OrderSweeperTest {

    private static final String MERCHANT_UID = "ord_000000000000000000000001";
    private static final long PRICE = 36_000;

    private final RebillFixture rebill = new RebillFixture();
    private final Order open = rebill.stores.orders().seed(Order.pending(MERCHANT_UID, OrderKind.ONE_TIME, null, "Coffee beans 1kg",
            PRICE, Pg.TOSSPAYMENTS, "card", List.of(), null, null, RebillFixture.START));

    @Test
    void paidWhileItsWebhookWasLost_isConfirmedPaid() {
        String impUid = rebill.paidElsewhere(MERCHANT_UID, PRICE).impUid();

        assertThat(rebill.sweeper.sweep(open)).isEqualTo(Outcome.ORDER_CONFIRMED);

        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.PAID);
        assertThat(rebill.order(MERCHANT_UID).impUid()).isEqualTo(impUid);
        assertThat(rebill.iamport.calls(Operation.FIND_PAYMENT_BY_MERCHANT_UID)).singleElement()
                .satisfies(call -> assertThat(call.arguments()).containsExactly(MERCHANT_UID, null));
    }

    @Test
    void virtualAccountIssued_isConfirmedAwaitingDeposit() {
        rebill.iamport.seedPayment(rebill.iamport.newPayment(MERCHANT_UID, PRICE)
                .awaitingDeposit(new VirtualAccount("004", "KB국민은행", "12345678901234", "홍길동", Instant.parse("2026-06-08T00:00:00Z")))
                .build());

        assertThat(rebill.sweeper.sweep(open)).isEqualTo(Outcome.ORDER_CONFIRMED);

        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.AWAITING_DEPOSIT);
    }

    @Test
    void failedAtIamport_isClosedFailed() {
        rebill.iamport.seedPayment(rebill.iamport.newPayment(MERCHANT_UID, PRICE).failed("사용자 취소", RebillFixture.START).build());

        assertThat(rebill.sweeper.sweep(open)).isEqualTo(Outcome.ORDER_CLOSED);

        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void cancelledAtIamport_isClosedCancelled() {
        rebill.iamport.seedPayment(rebill.iamport.newPayment(MERCHANT_UID, PRICE).refunded(PRICE, RebillFixture.START).build());

        assertThat(rebill.sweeper.sweep(open)).isEqualTo(Outcome.ORDER_CLOSED);

        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void tamperedAmount_isForgedAndRefundedOnce_withVerifysAlert() {
        String impUid = rebill.paidElsewhere(MERCHANT_UID, 1_000).impUid();

        String logs = CapturedStdout.of(() -> assertThat(rebill.sweeper.sweep(open)).isEqualTo(Outcome.ORDER_FORGED));
        Outcome again = rebill.sweeper.sweep(open);

        assertThat(again).isEqualTo(Outcome.ORDER_UNCHANGED);
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.FORGED);
        assertThat(rebill.order(MERCHANT_UID).failReason()).contains("1000 won").contains(PRICE + " won");
        assertThat(rebill.iamport.requests(PaymentCancel.class)).singleElement()
                .satisfies(cancel -> assertThat(cancel.checksum()).isEqualTo(1_000));
        assertThat(rebill.iamport.payment(impUid).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(logs).contains("ALERT forged payment merchant_uid=" + MERCHANT_UID);
    }

    @Test
    void noPaymentAtIamport_leavesItPending() {
        assertThat(rebill.sweeper.sweep(open)).isEqualTo(Outcome.ORDER_UNCHANGED);

        assertThat(rebill.order(MERCHANT_UID)).isEqualTo(open);
    }

    @Test
    void confirmedMeanwhileByVerify_isUnchanged() {
        rebill.paidElsewhere(MERCHANT_UID, PRICE);
        rebill.sweeper.sweep(open);
        int writes = rebill.stores.orders().writes().size();

        // the open-orders index still returns the PENDING copy
        assertThat(rebill.sweeper.sweep(open)).isEqualTo(Outcome.ORDER_UNCHANGED);

        assertThat(rebill.stores.orders().writes()).hasSize(writes);
    }

    @Test
    void testChannelPayment_isRefused_andTheOrderUnchanged() {
        rebill.iamport.seedPayment(IamportPaymentBuilder.paid("imp_sandbox", MERCHANT_UID, PRICE).sandbox(true).build());

        assertThat(rebill.sweeper.sweep(open)).isEqualTo(Outcome.ORDER_UNCHANGED);

        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.PENDING);
    }

    /** A run that stopped between the attempt's outcome and the order's write left the order open: it follows the attempt. */
    @Test
    void subscriptionCharge_whoseAttemptIsResolved_followsIt_withoutAskingIamport() {
        ChargeLedger.Begun begun = rebill.begin(rebill.subscribe("sub_d", RebillFixture.START));
        rebill.stores.chargeAttempts().update(begun.attempt().transitionTo(ChargeAttemptState.DECLINED, "imp_declined",
                "한도 초과", rebill.clock.instant()));

        assertThat(rebill.sweeper.sweep(begun.order())).isEqualTo(Outcome.ORDER_CLOSED);

        Order failed = rebill.order(begun.order().merchantUid());
        assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(failed.failReason()).isEqualTo("한도 초과");
        assertThat(rebill.iamport.calls()).isEmpty();
    }

    @Test
    void subscriptionCharge_whoseAttemptIsStillToReconcile_isTheReconcilers() {
        ChargeLedger.Begun begun = rebill.begin(rebill.subscribe("sub_u", RebillFixture.START));
        rebill.stores.chargeAttempts().update(begun.attempt().transitionTo(ChargeAttemptState.UNKNOWN, null, "read timeout",
                rebill.clock.instant()));

        assertThat(rebill.sweeper.sweep(begun.order())).isEqualTo(Outcome.ORDER_NOT_SWEPT);

        assertThat(rebill.order(begun.order().merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(rebill.iamport.calls()).isEmpty();
    }

    @Test
    void subscriptionCharge_withNoAttempt_isLeftToItsAttemptsReconciliation() {
        Order charge = rebill.stores.orders().seed(Order.pending("sub_x_p0_a1", OrderKind.SUBSCRIPTION_CHARGE, "member-x", "Plan",
                RebillFixture.AMOUNT, Pg.TOSSPAYMENTS, "card", List.of(), "cuid_x", "sub_x", RebillFixture.START));
        rebill.paidElsewhere("sub_x_p0_a1", RebillFixture.AMOUNT);

        assertThat(rebill.sweeper.sweep(charge)).isEqualTo(Outcome.ORDER_NOT_SWEPT);

        assertThat(rebill.iamport.calls()).isEmpty();
        assertThat(rebill.order("sub_x_p0_a1").status()).isEqualTo(OrderStatus.PENDING);
    }
}
