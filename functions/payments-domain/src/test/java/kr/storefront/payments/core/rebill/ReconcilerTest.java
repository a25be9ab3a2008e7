package kr.storefront.payments.core.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import kr.storefront.payments.core.iamport.ChargeOutcome;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.rebill.RunTally.Outcome;
import kr.storefront.payments.core.testing.FakeIamportGateway.Answer;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import kr.storefront.payments.core.testing.IamportPaymentBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attempts of unknown outcome, resolved by looking them up at i'mport under their merchant_uid, never by charging. */
class ReconcilerTest {

    private static final String MERCHANT_UID = "sub_rc_p0_a1";

    private final RebillFixture rebill = new RebillFixture();
    private ChargeAttempt inFlight;

    @BeforeEach
    void beginTheAttempt() {
        inFlight = rebill.begin(rebill.subscribe("sub_rc", RebillFixture.START)).attempt();
    }

    @Test
    void inFlightYoungerThanTheChargeTimeoutPlusMargin_isLeftAlone_itMayBeLive() {
        rebill.clock.advance(RebillFixture.IN_FLIGHT_GRACE.minusSeconds(1));

        assertThat(rebill.reconciler.reconcile(inFlight)).isEqualTo(Outcome.UNRESOLVED);

        assertThat(rebill.iamport.calls()).isEmpty();
    }

    @Test
    void inFlightAsOldAsTheGrace_isLookedUp() {
        rebill.paidElsewhere(MERCHANT_UID, RebillFixture.AMOUNT);
        rebill.clock.advance(RebillFixture.IN_FLIGHT_GRACE);

        assertThat(rebill.reconciler.reconcile(inFlight)).isEqualTo(Outcome.RECONCILED);

        assertThat(rebill.onlyAttempt("sub_rc", 0).state()).isEqualTo(ChargeAttemptState.PAID);
    }

    @Test
    void unknown_isLookedUpAtOnce_paidWithOurAmount_isPaid_withoutChargingAgain() {
        ChargeAttempt unknown = markUnknown();
        String impUid = rebill.paidElsewhere(MERCHANT_UID, RebillFixture.AMOUNT).impUid();

        assertThat(rebill.reconciler.reconcile(unknown)).isEqualTo(Outcome.RECONCILED);

        assertThat(rebill.iamport.calls(Operation.CHARGE_BILLING_KEY)).isEmpty();
        assertThat(rebill.iamport.calls(Operation.FIND_PAYMENT_BY_MERCHANT_UID)).singleElement()
                .satisfies(call -> assertThat(call.arguments()).containsExactly(MERCHANT_UID, PaymentStatus.PAID));
        assertThat(rebill.onlyAttempt("sub_rc", 0).impUid()).isEqualTo(impUid);
        assertThat(rebill.subscription("sub_rc").period()).isEqualTo(1);
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void paidWithAnotherAmount_isForgedAndRefunded() {
        ChargeAttempt unknown = markUnknown();
        String impUid = rebill.paidElsewhere(MERCHANT_UID, 100).impUid();

        assertThat(rebill.reconciler.reconcile(unknown)).isEqualTo(Outcome.FORGED);

        assertThat(rebill.iamport.payment(impUid).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(rebill.onlyAttempt("sub_rc", 0).state()).isEqualTo(ChargeAttemptState.FORGED);
        assertThat(rebill.subscription("sub_rc").nextChargeAt()).isNull();
    }

    @Test
    void paidPaymentWins_overALaterFailedOne() {
        ChargeAttempt unknown = markUnknown();
        String paid = rebill.paidElsewhere(MERCHANT_UID, RebillFixture.AMOUNT).impUid();
        rebill.iamport.seedPayment(rebill.iamport.newPayment(MERCHANT_UID, RebillFixture.AMOUNT).failed("late", rebill.clock.instant())
                .build());

        rebill.reconciler.reconcile(unknown);

        assertThat(rebill.onlyAttempt("sub_rc", 0).impUid()).isEqualTo(paid);
    }

    @Test
    void failedPayment_isDeclined_withItsReason_andDunningBegins() {
        ChargeAttempt unknown = markUnknown();
        rebill.iamport.seedPayment(rebill.iamport.newPayment(MERCHANT_UID, RebillFixture.AMOUNT).failed("한도초과", rebill.clock.instant())
                .build());

        assertThat(rebill.reconciler.reconcile(unknown)).isEqualTo(Outcome.RECONCILED);

        ChargeAttempt declined = rebill.onlyAttempt("sub_rc", 0);
        assertThat(declined.state()).isEqualTo(ChargeAttemptState.DECLINED);
        assertThat(declined.failReason()).isEqualTo("한도초과");
        Subscription retried = rebill.subscription("sub_rc");
        assertThat(retried.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(retried.nextChargeAt()).isEqualTo(rebill.clock.instant().plus(Duration.ofDays(1)));
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void failedPaymentWithoutAReason_isDeclined() {
        ChargeAttempt unknown = markUnknown();
        rebill.iamport.seedPayment(IamportPaymentBuilder.paid("imp_failed", MERCHANT_UID, RebillFixture.AMOUNT)
                .status(PaymentStatus.FAILED).paidAt(null).build());

        rebill.reconciler.reconcile(unknown);

        assertThat(rebill.onlyAttempt("sub_rc", 0).failReason()).isEqualTo("declined");
    }

    @Test
    void paymentCancelledSince_isDeclined() {
        ChargeAttempt unknown = markUnknown();
        rebill.iamport.seedPayment(rebill.iamport.newPayment(MERCHANT_UID, RebillFixture.AMOUNT)
                .refunded(RebillFixture.AMOUNT, rebill.clock.instant()).build());

        assertThat(rebill.reconciler.reconcile(unknown)).isEqualTo(Outcome.RECONCILED);

        ChargeAttempt declined = rebill.onlyAttempt("sub_rc", 0);
        assertThat(declined.state()).isEqualTo(ChargeAttemptState.DECLINED);
        assertThat(declined.failReason()).isEqualTo("cancelled at i'mport before it was recorded");
    }

    @Test
    void paymentStillReady_waits() {
        ChargeAttempt unknown = markUnknown();
        rebill.iamport.seedPayment(rebill.iamport.newPayment(MERCHANT_UID, RebillFixture.AMOUNT).ready().build());
        rebill.clock.advance(Duration.ofHours(1));

        assertThat(rebill.reconciler.reconcile(unknown)).isEqualTo(Outcome.UNRESOLVED);

        assertThat(rebill.onlyAttempt("sub_rc", 0).state()).isEqualTo(ChargeAttemptState.UNKNOWN);
    }

    @Test
    void noPaymentBeforeTheSettleTime_waits() {
        ChargeAttempt unknown = markUnknown();
        rebill.clock.set(inFlight.createdAt().plus(RebillFixture.SETTLE_TIME).minusSeconds(1));

        assertThat(rebill.reconciler.reconcile(unknown)).isEqualTo(Outcome.UNRESOLVED);

        assertThat(rebill.onlyAttempt("sub_rc", 0).state()).isEqualTo(ChargeAttemptState.UNKNOWN);
        assertThat(rebill.subscription("sub_rc").attemptOpen()).isTrue();
    }

    @Test
    void noPaymentOnceTheSettleTimeHasPassed_nothingWasCharged_dueAgainForTheNextAttempt() {
        ChargeAttempt unknown = markUnknown();
        rebill.clock.set(inFlight.createdAt().plus(RebillFixture.SETTLE_TIME));

        assertThat(rebill.reconciler.reconcile(unknown)).isEqualTo(Outcome.RECONCILED);

        ChargeAttempt released = rebill.onlyAttempt("sub_rc", 0);
        assertThat(released.state()).isEqualTo(ChargeAttemptState.NOT_ATTEMPTED);
        assertThat(released.failReason()).isEqualTo("no payment at i'mport 10 min after the attempt began");
        Subscription due = rebill.subscription("sub_rc");
        assertThat(due.isDue(rebill.clock.instant())).isTrue();
        assertThat(due.nextAttempt()).isEqualTo(2);
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(rebill.iamport.calls(Operation.CHARGE_BILLING_KEY)).isEmpty();
    }

    @Test
    void iamportUnreachable_leavesItForALaterRun() {
        ChargeAttempt unknown = markUnknown();
        rebill.iamport.next(Operation.FIND_PAYMENT_BY_MERCHANT_UID, Answer.unreachable());

        assertThat(rebill.reconciler.reconcile(unknown)).isEqualTo(Outcome.UNRESOLVED);

        assertThat(rebill.onlyAttempt("sub_rc", 0).state()).isEqualTo(ChargeAttemptState.UNKNOWN);
    }

    @Test
    void staleIndexCopyOfAResolvedAttempt_isSkipped_withoutALookUp() {
        ChargeAttempt resolved = inFlight.transitionTo(ChargeAttemptState.PAID, "imp_1", null, rebill.clock.instant());

        assertThat(rebill.reconciler.reconcile(resolved)).isEqualTo(Outcome.SKIPPED);

        assertThat(rebill.iamport.calls()).isEmpty();
    }

    @Test
    void resolvedByAnotherRunWhileLookingUp_isSkipped() {
        ChargeAttempt unknown = markUnknown();
        rebill.paidElsewhere(MERCHANT_UID, RebillFixture.AMOUNT);
        rebill.recorder.record(unknown, new ChargeOutcome.Paid(rebill.iamport.payments().get(0)));

        assertThat(rebill.reconciler.reconcile(unknown)).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void subscriptionGone_isAnError() {
        ChargeAttempt unknown = markUnknown();
        RebillFixture other = new RebillFixture();
        other.stores.chargeAttempts().seed(unknown);
        other.paidElsewhere(MERCHANT_UID, RebillFixture.AMOUNT);

        assertThat(other.reconciler.reconcile(unknown)).isEqualTo(Outcome.ERROR);
    }

    /** The charging run got no usable answer: the attempt as the unresolved index returns it. */
    private ChargeAttempt markUnknown() {
        return rebill.stores.chargeAttempts().update(inFlight.transitionTo(ChargeAttemptState.UNKNOWN, null, "read timed out",
                rebill.clock.instant())).current().orElseThrow();
    }
}
