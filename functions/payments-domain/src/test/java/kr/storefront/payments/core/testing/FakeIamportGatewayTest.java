package kr.storefront.payments.core.testing;

import static kr.storefront.payments.core.testing.FakeIamportGateway.Operation.CANCEL;
import static kr.storefront.payments.core.testing.FakeIamportGateway.Operation.CHARGE_BILLING_KEY;
import static kr.storefront.payments.core.testing.FakeIamportGateway.Operation.FIND_PAYMENT;
import static kr.storefront.payments.core.testing.FakeIamportGateway.Operation.PREPARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import kr.storefront.payments.core.iamport.BillingKeyCharge;
import kr.storefront.payments.core.iamport.BillingKeyIssue;
import kr.storefront.payments.core.iamport.CancelOutcome;
import kr.storefront.payments.core.iamport.CardDetails;
import kr.storefront.payments.core.iamport.ChargeOutcome;
import kr.storefront.payments.core.iamport.IamportAuthenticationException;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.IamportRejectedException;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.iamport.OneTimeCardCharge;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.testing.FakeIamportGateway.Answer;
import org.junit.jupiter.api.Test;

class FakeIamportGatewayTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final CardDetails CARD = new CardDetails("5428-7912-3456-0294", "2030-12", "900101", "12");

    private final MutableClock clock = MutableClock.startingAt(NOW);
    private final FakeIamportGateway gateway = new FakeIamportGateway(clock);

    @Test
    void chargeOfAKnownKey_isPaid_andFindableByMerchantUid() {
        gateway.seedBillingKey("cuid_1");

        ChargeOutcome outcome = gateway.chargeBillingKey(charge("cuid_1", "sub1_p0_a1"));

        IamportPayment paid = ((ChargeOutcome.Paid) outcome).payment();
        assertThat(paid.impUid()).isEqualTo("imp_100000000001");
        assertThat(paid.amount()).isEqualTo(8900);
        assertThat(paid.customerUid()).isEqualTo("cuid_1");
        assertThat(paid.paidAt()).isEqualTo(NOW);
        assertThat(gateway.findPaymentByMerchantUid("sub1_p0_a1", PaymentStatus.PAID)).contains(paid);
    }

    @Test
    void chargeOfAnUnknownKey_isRefusedWithCodeMinusOne() {
        ChargeOutcome outcome = gateway.chargeBillingKey(charge("cuid_nobody", "m1"));

        assertThat(outcome).isEqualTo(new ChargeOutcome.Declined(FakeIamportGateway.UNKNOWN_CUSTOMER, -1, null));
        assertThat(gateway.payments()).isEmpty();
    }

    @Test
    void secondChargeOfAPaidMerchantUid_isRefusedWithCodeOne_andChargesNothing() {
        gateway.seedBillingKey("cuid_1");
        gateway.chargeBillingKey(charge("cuid_1", "m1"));

        ChargeOutcome again = gateway.chargeBillingKey(charge("cuid_1", "m1"));

        assertThat(again).isInstanceOf(ChargeOutcome.Declined.class).extracting("code").isEqualTo(1);
        assertThat(gateway.payments()).hasSize(1);
    }

    @Test
    void scriptedAnswers_applyInOrder_thenTheSimulationResumes() {
        gateway.seedBillingKey("cuid_1");
        gateway.next(CHARGE_BILLING_KEY, Answer.decline("한도초과"), Answer.unreachable());

        ChargeOutcome declined = gateway.chargeBillingKey(charge("cuid_1", "m1"));
        ChargeOutcome notAttempted = gateway.chargeBillingKey(charge("cuid_1", "m2"));
        ChargeOutcome paid = gateway.chargeBillingKey(charge("cuid_1", "m3"));

        assertThat(declined).isInstanceOfSatisfying(ChargeOutcome.Declined.class, decline -> {
            assertThat(decline.code()).isZero();
            assertThat(decline.payment().status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(decline.payment().failReason()).isEqualTo("한도초과");
        });
        assertThat(notAttempted).isInstanceOf(ChargeOutcome.NotAttempted.class);
        assertThat(paid).isInstanceOf(ChargeOutcome.Paid.class);
        assertThat(gateway.findPaymentByMerchantUid("m2", null)).isEmpty();
    }

    @Test
    void aLostAnswerAfterApplying_isUnknown_whileIamportHoldsThePaidPayment() {
        gateway.seedBillingKey("cuid_1");
        gateway.next(CHARGE_BILLING_KEY, Answer.lostAfterApplying(), Answer.lostBeforeApplying());

        ChargeOutcome applied = gateway.chargeBillingKey(charge("cuid_1", "m1"));
        ChargeOutcome notApplied = gateway.chargeBillingKey(charge("cuid_1", "m2"));

        assertThat(applied).isInstanceOf(ChargeOutcome.Unknown.class);
        assertThat(notApplied).isInstanceOf(ChargeOutcome.Unknown.class);
        assertThat(gateway.findPaymentByMerchantUid("m1", null)).get().extracting(IamportPayment::status).isEqualTo(PaymentStatus.PAID);
        assertThat(gateway.findPaymentByMerchantUid("m2", null)).isEmpty();
    }

    @Test
    void forBillingKey_answersEveryChargeOfThatKey_only() {
        gateway.seedBillingKey("cuid_bad");
        gateway.seedBillingKey("cuid_good");
        gateway.forBillingKey("cuid_bad", Answer.decline("잔액부족"));

        assertThat(gateway.chargeBillingKey(charge("cuid_bad", "m1"))).isInstanceOf(ChargeOutcome.Declined.class);
        assertThat(gateway.chargeBillingKey(charge("cuid_bad", "m2"))).isInstanceOf(ChargeOutcome.Declined.class);
        assertThat(gateway.chargeBillingKey(charge("cuid_good", "m3"))).isInstanceOf(ChargeOutcome.Paid.class);
    }

    @Test
    void nonOutcomeCalls_throwWhatTheRealGatewayThrows() {
        gateway.next(FIND_PAYMENT, Answer.lostBeforeApplying(), Answer.refuse(-1, "invalid"),
                Answer.throwing(new IamportAuthenticationException("rejected")));

        assertThatThrownBy(() -> gateway.findPayment("imp_1")).isInstanceOfSatisfying(IamportUnavailableException.class,
                e -> assertThat(e.requestSent()).isTrue());
        assertThatThrownBy(() -> gateway.findPayment("imp_1")).isInstanceOfSatisfying(IamportRejectedException.class,
                e -> assertThat(e.code()).isEqualTo(-1));
        assertThatThrownBy(() -> gateway.findPayment("imp_1")).isInstanceOf(IamportAuthenticationException.class);
        assertThat(gateway.findPayment("imp_1")).isEmpty();
    }

    @Test
    void declineIsRefusedForOperationsThatCannotDecline() {
        assertThatThrownBy(() -> gateway.next(CANCEL, Answer.decline("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prepare_registersOnce_andALostAnswerAfterApplyingStillRegisters() {
        gateway.prepare("ord_1", 36000);

        assertThatThrownBy(() -> gateway.prepare("ord_1", 36000)).isInstanceOfSatisfying(IamportRejectedException.class,
                e -> assertThat(e.code()).isEqualTo(1));
        gateway.next(PREPARE, Answer.lostAfterApplying());
        assertThatThrownBy(() -> gateway.prepare("ord_2", 1000)).isInstanceOf(IamportUnavailableException.class);
        assertThat(gateway.findPreparedAmount("ord_1")).contains(36000L);
        assertThat(gateway.findPreparedAmount("ord_2")).contains(1000L);
        assertThat(gateway.findPreparedAmount("ord_3")).isEmpty();
    }

    @Test
    void cancel_checksTheChecksumAgainstTheBalance_andRefundsPartlyThenFully() {
        IamportPayment paid = gateway.seedPayment(gateway.newPayment("ord_1", 36000).build());

        CancelOutcome stale = gateway.cancel(new PaymentCancel(paid.impUid(), 1000L, 35000, "changed mind"));
        CancelOutcome partial = gateway.cancel(new PaymentCancel(paid.impUid(), 1000L, 36000, "one item"));
        CancelOutcome tooMuch = gateway.cancel(new PaymentCancel(paid.impUid(), 40000L, 35000, "too much"));
        CancelOutcome rest = gateway.cancel(new PaymentCancel(paid.impUid(), null, 35000, "the rest"));
        CancelOutcome again = gateway.cancel(new PaymentCancel(paid.impUid(), null, 0, "again"));

        assertThat(stale).isInstanceOf(CancelOutcome.Rejected.class);
        assertThat(partial).isInstanceOfSatisfying(CancelOutcome.Cancelled.class, cancelled -> {
            assertThat(cancelled.payment().cancelledAmount()).isEqualTo(1000);
            assertThat(cancelled.payment().status()).isEqualTo(PaymentStatus.PAID);
        });
        assertThat(tooMuch).isInstanceOf(CancelOutcome.Rejected.class);
        assertThat(rest).isInstanceOfSatisfying(CancelOutcome.Cancelled.class, cancelled -> {
            assertThat(cancelled.payment().refundableAmount()).isZero();
            assertThat(cancelled.payment().status()).isEqualTo(PaymentStatus.CANCELLED);
            assertThat(cancelled.payment().cancelledAt()).isEqualTo(NOW);
        });
        assertThat(again).isEqualTo(new CancelOutcome.Rejected(FakeIamportGateway.NOTHING_TO_CANCEL, 1));
    }

    @Test
    void cancel_ofAPaymentNotPaid_isRejected() {
        IamportPayment ready = gateway.seedPayment(gateway.newPayment("ord_1", 36000).ready().build());

        assertThat(gateway.cancel(new PaymentCancel(ready.impUid(), null, 36000, "x"))).isInstanceOf(CancelOutcome.Rejected.class);
        assertThat(gateway.cancel(new PaymentCancel("imp_unknown", null, 0, "x"))).isInstanceOf(CancelOutcome.Rejected.class);
    }

    @Test
    void findPayment_hidesTestChannelPaymentsUnlessIncluded_whileFindByMerchantUidShowsThem() {
        IamportPayment sandboxed = gateway.seedPayment(gateway.newPayment("ord_1", 1000).sandbox(true).build());

        assertThat(gateway.findPayment(sandboxed.impUid())).isEmpty();
        assertThat(gateway.findPaymentByMerchantUid("ord_1", null)).contains(sandboxed);
        assertThat(gateway.includeSandbox(true).findPayment(sandboxed.impUid())).contains(sandboxed);
    }

    @Test
    void findPaymentByMerchantUid_returnsTheLatestAttempt_optionallyInOneStatus() {
        IamportPayment failed = gateway.seedPayment(gateway.newPayment("ord_1", 1000).failed("declined", NOW).build());
        IamportPayment paid = gateway.seedPayment(gateway.newPayment("ord_1", 1000).build());

        assertThat(gateway.findPaymentByMerchantUid("ord_1", null)).contains(paid);
        assertThat(gateway.findPaymentByMerchantUid("ord_1", PaymentStatus.FAILED)).contains(failed);
    }

    @Test
    void oneTimeChargeWithACustomerUid_savesTheCardAsThatKey() {
        ChargeOutcome outcome = gateway.chargeCardOnce(new OneTimeCardCharge("ord_1", 36000, "Coffee", "tosspayments.tosstest",
                CARD, "cuid_new", null));

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Paid.class,
                paid -> assertThat(paid.payment().card().maskedNumber()).isEqualTo("542879******0294"));
        assertThat(gateway.findBillingKey("cuid_new")).get().satisfies(key -> {
            assertThat(key.pgProvider()).isEqualTo("tosspayments");
            assertThat(key.card().maskedNumber()).isEqualTo("542879******0294");
        });
    }

    @Test
    void billingKeys_areIssuedFoundAndDeleted() {
        gateway.issueBillingKey(new BillingKeyIssue("cuid_1", "channel-key-toss", "toss-customer-1", CARD));

        assertThat(gateway.findBillingKey("cuid_1")).get().extracting("customerId").isEqualTo("toss-customer-1");
        assertThat(gateway.deleteBillingKey("cuid_1", "closed")).isTrue();
        assertThat(gateway.deleteBillingKey("cuid_1", "closed")).isFalse();
        assertThat(gateway.findBillingKey("cuid_1")).isEmpty();
    }

    @Test
    void everyCallIsRecordedWithItsArguments() {
        gateway.seedBillingKey("cuid_1");
        BillingKeyCharge charge = charge("cuid_1", "m1");
        gateway.chargeBillingKey(charge);
        gateway.findPaymentByMerchantUid("m1", null);

        assertThat(gateway.calls()).extracting(FakeIamportGateway.Call::operation)
                .containsExactly(CHARGE_BILLING_KEY, FakeIamportGateway.Operation.FIND_PAYMENT_BY_MERCHANT_UID);
        assertThat(gateway.requests(BillingKeyCharge.class)).containsExactly(charge);
        assertThat(gateway.calls(FakeIamportGateway.Operation.FIND_PAYMENT_BY_MERCHANT_UID).get(0).arguments())
                .containsExactly("m1", null);
        assertThat(gateway.calls(CHARGE_BILLING_KEY).get(0).argument(BillingKeyCharge.class)).isEqualTo(charge);
    }

    private static BillingKeyCharge charge(String customerUid, String merchantUid) {
        return new BillingKeyCharge(customerUid, merchantUid, 8900, "Monthly plan", null);
    }
}
