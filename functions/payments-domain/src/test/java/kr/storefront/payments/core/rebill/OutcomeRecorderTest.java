package kr.storefront.payments.core.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import kr.storefront.payments.core.iamport.ChargeOutcome;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.rebill.RebillConfiguration.AfterDunning;
import kr.storefront.payments.core.rebill.RunTally.Outcome;
import kr.storefront.payments.core.store.ChargeLedger;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.SubscriptionStore;
import kr.storefront.payments.core.store.WriteResult;
import kr.storefront.payments.core.testing.CapturedStdout;
import kr.storefront.payments.core.testing.FakeIamportGateway.Answer;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import kr.storefront.payments.core.testing.IamportPaymentBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's outcome table, row by row, as {@link OutcomeRecorder} writes it to attempt, subscription and order. */
class OutcomeRecorderTest {

    private static final String MERCHANT_UID = "sub_rec_p0_a1";

    private RebillFixture rebill = new RebillFixture();
    private ChargeLedger.Begun begun;

    @BeforeEach
    void beginTheAttempt() {
        begun = rebill.begin(rebill.subscribe("sub_rec", RebillFixture.START));
        rebill.clock.advance(Duration.ofSeconds(5));
    }

    @Test
    void paidWithOurAmount_attemptPaid_nextPeriodFromTheAnchor_orderPaid() {
        IamportPayment payment = paid(RebillFixture.AMOUNT);

        Outcome outcome = rebill.recorder.record(begun, new ChargeOutcome.Paid(payment));

        assertThat(outcome).isEqualTo(Outcome.CHARGED);
        ChargeAttempt attempt = rebill.onlyAttempt("sub_rec", 0);
        assertThat(attempt.state()).isEqualTo(ChargeAttemptState.PAID);
        assertThat(attempt.impUid()).isEqualTo(payment.impUid());
        Subscription next = rebill.subscription("sub_rec");
        assertThat(next.period()).isEqualTo(1);
        assertThat(next.nextChargeAt()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(next.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(next.attemptOpen()).isFalse();
        Order order = rebill.order(MERCHANT_UID);
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.impUid()).isEqualTo(payment.impUid());
        assertThat(order.card()).isEqualTo(IamportPaymentBuilder.DEFAULT_CARD);
    }

    @Test
    void paidWithAnotherAmount_forgedAndRefundedWithTheChecksum_oneAlert_chargingStopped() {
        IamportPayment payment = paid(100);

        String logs = CapturedStdout.of(() -> assertThat(rebill.recorder.record(begun, new ChargeOutcome.Paid(payment)))
                .isEqualTo(Outcome.FORGED));

        PaymentCancel refund = rebill.iamport.requests(PaymentCancel.class).get(0);
        assertThat(rebill.iamport.requests(PaymentCancel.class)).hasSize(1);
        assertThat(refund.impUid()).isEqualTo(payment.impUid());
        assertThat(refund.checksum()).isEqualTo(100);
        assertThat(rebill.iamport.payment(payment.impUid()).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(logs.lines().filter(line -> line.contains("ALERT"))).singleElement().asString()
                .contains("ALERT forged charge merchant_uid=" + MERCHANT_UID).contains("subscription_id=sub_rec");
        ChargeAttempt attempt = rebill.onlyAttempt("sub_rec", 0);
        assertThat(attempt.state()).isEqualTo(ChargeAttemptState.FORGED);
        assertThat(attempt.failReason()).isEqualTo("paid 100 KRW, expected 8900 KRW; refund: refunded 100");
        Subscription stopped = rebill.subscription("sub_rec");
        assertThat(stopped.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(stopped.nextChargeAt()).isNull();
        assertThat(stopped.period()).isZero();
        assertThat(stopped.attemptOpen()).isFalse();
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.FORGED);
    }

    @Test
    void paidInAnotherCurrency_isForgedToo() {
        IamportPayment payment = rebill.iamport.seedPayment(rebill.iamport.newPayment(MERCHANT_UID, RebillFixture.AMOUNT)
                .currency("USD").build());

        assertThat(rebill.recorder.record(begun, new ChargeOutcome.Paid(payment))).isEqualTo(Outcome.FORGED);

        assertThat(rebill.onlyAttempt("sub_rec", 0).failReason()).startsWith("paid 8900 USD, expected 8900 KRW");
    }

    @Test
    void forgedAndAlreadyRefunded_asksForNoRefund() {
        IamportPayment payment = rebill.iamport.seedPayment(rebill.iamport.newPayment(MERCHANT_UID, 100)
                .refunded(100, RebillFixture.START).build());

        rebill.recorder.record(begun, new ChargeOutcome.Paid(payment));

        assertThat(rebill.iamport.calls(Operation.CANCEL)).isEmpty();
        assertThat(rebill.onlyAttempt("sub_rec", 0).failReason()).endsWith("refund: nothing left to refund");
    }

    @Test
    void forgedAndTheRefundRefused_isStillForged_andSaysToRefundByHand() {
        IamportPayment payment = paid(100);
        rebill.iamport.next(Operation.CANCEL, Answer.refuse(1, "refused"));

        assertThat(rebill.recorder.record(begun, new ChargeOutcome.Paid(payment))).isEqualTo(Outcome.FORGED);

        assertThat(rebill.onlyAttempt("sub_rec", 0).failReason()).contains("NOT refunded").endsWith("refund by hand");
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.FORGED);
    }

    @Test
    void declinedWithAFailedPayment_attemptDeclined_firstDunningRetry_orderFailed() {
        IamportPayment failed = rebill.iamport.seedPayment(rebill.iamport.newPayment(MERCHANT_UID, RebillFixture.AMOUNT)
                .failed("잔액부족", rebill.clock.instant()).build());

        Outcome outcome = rebill.recorder.record(begun, new ChargeOutcome.Declined("잔액부족", 0, failed));

        assertThat(outcome).isEqualTo(Outcome.DECLINED);
        ChargeAttempt attempt = rebill.onlyAttempt("sub_rec", 0);
        assertThat(attempt.state()).isEqualTo(ChargeAttemptState.DECLINED);
        assertThat(attempt.failReason()).isEqualTo("잔액부족");
        assertThat(attempt.impUid()).isEqualTo(failed.impUid());
        Subscription retried = rebill.subscription("sub_rec");
        assertThat(retried.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(retried.nextChargeAt()).isEqualTo(rebill.clock.instant().plus(Duration.ofDays(1)));
        assertThat(retried.failedAttempts()).isEqualTo(1);
        assertThat(retried.period()).isZero();
        Order order = rebill.order(MERCHANT_UID);
        assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(order.failReason()).isEqualTo("잔액부족");
    }

    @Test
    void declinedByIamportItself_hasNoPayment() {
        Outcome outcome = rebill.recorder.record(begun, new ChargeOutcome.Declined("[2116]개인 월 한도금액 초과", -1, null));

        assertThat(outcome).isEqualTo(Outcome.DECLINED);
        assertThat(rebill.onlyAttempt("sub_rec", 0).impUid()).isNull();
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void declinedOnceTheScheduleIsUsedUp_cancelAfterDunning_cancelsTheSubscription() {
        rebill = new RebillFixture(RebillFixture.configuration(8, 100, AfterDunning.CANCEL));
        Subscription lastTry = rebill.subscribe("sub_rec", RebillFixture.START);
        lastTry = rebill.stores.subscriptions().seed(new Subscription(lastTry.id(), lastTry.customerId(), lastTry.customerUid(),
                lastTry.planId(), lastTry.name(), lastTry.amount(), lastTry.currency(), lastTry.interval(), lastTry.anchorAt(), 0,
                RebillFixture.START, SubscriptionStatus.PAST_DUE, 3, false, 3, false, RebillFixture.START, RebillFixture.START,
                lastTry.version()));

        Outcome outcome = rebill.recorder.record(rebill.begin(lastTry), new ChargeOutcome.Declined("한도초과", -1, null));

        assertThat(outcome).isEqualTo(Outcome.DECLINED);
        Subscription cancelled = rebill.subscription("sub_rec");
        assertThat(cancelled.status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(cancelled.nextChargeAt()).isNull();
        assertThat(cancelled.failedAttempts()).isEqualTo(4);
        assertThat(rebill.attempts("sub_rec", 0)).extracting(ChargeAttempt::state).containsExactly(ChargeAttemptState.DECLINED);
    }

    @Test
    void notAttempted_attemptReleased_dueAsBefore_withTheNextAttemptNumber_orderFailed() {
        Outcome outcome = rebill.recorder.record(begun, new ChargeOutcome.NotAttempted("connection refused"));

        assertThat(outcome).isEqualTo(Outcome.NOT_ATTEMPTED);
        assertThat(rebill.onlyAttempt("sub_rec", 0).state()).isEqualTo(ChargeAttemptState.NOT_ATTEMPTED);
        Subscription released = rebill.subscription("sub_rec");
        assertThat(released.isDue(rebill.clock.instant())).isTrue();
        assertThat(released.nextChargeAt()).isEqualTo(RebillFixture.START);
        assertThat(released.nextAttempt()).isEqualTo(2);
        assertThat(released.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(released.failedAttempts()).isZero();
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void unknown_attemptUnknown_subscriptionKeepsItsOpenAttempt_orderPending() {
        Outcome outcome = rebill.recorder.record(begun, new ChargeOutcome.Unknown("read timed out"));

        assertThat(outcome).isEqualTo(Outcome.UNKNOWN);
        ChargeAttempt attempt = rebill.onlyAttempt("sub_rec", 0);
        assertThat(attempt.state()).isEqualTo(ChargeAttemptState.UNKNOWN);
        assertThat(attempt.failReason()).isEqualTo("read timed out");
        Subscription open = rebill.subscription("sub_rec");
        assertThat(open).isEqualTo(begun.subscription());
        assertThat(open.isDue(rebill.clock.instant().plus(Duration.ofDays(365)))).isFalse();
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void unknown_afterAnotherRunResolvedTheAttempt_leavesItResolved() {
        rebill.recorder.record(begun, new ChargeOutcome.Paid(paid(RebillFixture.AMOUNT)));

        Outcome outcome = rebill.recorder.record(begun, new ChargeOutcome.Unknown("read timed out"));

        assertThat(outcome).isEqualTo(Outcome.UNKNOWN);
        assertThat(rebill.onlyAttempt("sub_rec", 0).state()).isEqualTo(ChargeAttemptState.PAID);
    }

    @Test
    void attemptResolvedByAnotherRunFirst_isSkipped_andNothingMoves() {
        rebill.recorder.record(begun, new ChargeOutcome.Paid(paid(RebillFixture.AMOUNT)));
        Subscription afterFirst = rebill.subscription("sub_rec");

        Outcome outcome = rebill.recorder.record(begun, new ChargeOutcome.Declined("late decline", -1, null));

        assertThat(outcome).isEqualTo(Outcome.SKIPPED);
        assertThat(rebill.onlyAttempt("sub_rec", 0).state()).isEqualTo(ChargeAttemptState.PAID);
        assertThat(rebill.subscription("sub_rec")).isEqualTo(afterFirst);
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void customerCancelledWhileTheChargeWasUnderWay_subscriptionIsReRead_periodCounted_andItStaysCancelled() {
        rebill.stores.subscriptions().update(begun.subscription().cancel(rebill.clock.instant()));

        Outcome outcome = rebill.recorder.record(begun, new ChargeOutcome.Paid(paid(RebillFixture.AMOUNT)));

        assertThat(outcome).isEqualTo(Outcome.CHARGED);
        Subscription stored = rebill.subscription("sub_rec");
        assertThat(stored.period()).isEqualTo(1);
        assertThat(stored.status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(stored.nextChargeAt()).isNull();
        assertThat(rebill.onlyAttempt("sub_rec", 0).state()).isEqualTo(ChargeAttemptState.PAID);
    }

    @Test
    void subscriptionGone_isAnError_andTheAttemptStaysOpenForReconciliation() {
        ChargeAttempt inFlight = begun.attempt();
        RebillFixture other = new RebillFixture();
        other.stores.chargeAttempts().seed(inFlight);

        Outcome outcome = other.recorder.record(inFlight, new ChargeOutcome.Paid(paid(RebillFixture.AMOUNT)));

        assertThat(outcome).isEqualTo(Outcome.ERROR);
        assertThat(other.stores.chargeAttempts().all()).singleElement()
                .satisfies(attempt -> assertThat(attempt.state()).isEqualTo(ChargeAttemptState.IN_FLIGHT));
    }

    @Test
    void subscriptionThatKeepsChanging_isAnError_afterThreeTries_andTheAttemptStaysOpen() {
        rebill.stores.subscriptions().update(begun.subscription().cancel(rebill.clock.instant()));
        // every read of the subscription returns the copy from before the change, so every settle conflicts
        OutcomeRecorder stale = new OutcomeRecorder(rebill.stores.ledger(), rebill.stores.chargeAttempts(),
                new StaleSubscriptions(rebill.stores.subscriptions(), begun.subscription()), rebill.stores.orders(), rebill.iamport,
                rebill.configuration, rebill.clock);

        Outcome outcome = stale.record(begun.attempt(), new ChargeOutcome.Paid(paid(RebillFixture.AMOUNT)));

        assertThat(outcome).isEqualTo(Outcome.ERROR);
        assertThat(rebill.onlyAttempt("sub_rec", 0).state()).isEqualTo(ChargeAttemptState.IN_FLIGHT);
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void attemptOfAnEarlierPeriod_isResolved_butNeverMovesTheSubscriptionsCurrentPeriod() {
        Subscription movedOn = rebill.stores.subscriptions().seed(begun.subscription().periodPaid(rebill.clock.instant()));

        String logs = CapturedStdout.of(() -> assertThat(rebill.recorder.record(begun.attempt(),
                new ChargeOutcome.Paid(paid(RebillFixture.AMOUNT)))).isEqualTo(Outcome.CHARGED));

        assertThat(rebill.onlyAttempt("sub_rec", 0).state()).isEqualTo(ChargeAttemptState.PAID);
        Subscription stored = rebill.subscription("sub_rec");
        assertThat(stored.period()).isEqualTo(1);
        assertThat(stored.nextChargeAt()).isEqualTo(movedOn.nextChargeAt());
        assertThat(logs).contains("ALERT rebill attempt merchant_uid=" + MERCHANT_UID + " is for period 0");
    }

    @Test
    void reconciledAttempt_readsSubscriptionAndOrderFromTheStore() {
        Outcome outcome = rebill.recorder.record(begun.attempt(), new ChargeOutcome.NotAttempted("no payment at i'mport"));

        assertThat(outcome).isEqualTo(Outcome.NOT_ATTEMPTED);
        assertThat(rebill.subscription("sub_rec").attemptOpen()).isFalse();
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void orderAlreadyPaidByVerify_isLeftAsItIs() {
        IamportPayment payment = paid(RebillFixture.AMOUNT);
        Order paidByWebhook = rebill.stores.orders().update(begun.order().transitionTo(OrderStatus.PAID, payment.impUid(), null,
                null, null, rebill.clock.instant())).current().orElseThrow();
        int orderWrites = rebill.stores.orders().writes().size();

        rebill.recorder.record(begun.attempt(), new ChargeOutcome.Paid(payment));

        assertThat(rebill.stores.orders().writes()).hasSize(orderWrites);
        assertThat(rebill.order(MERCHANT_UID)).isEqualTo(paidByWebhook);
    }

    @Test
    void orderMovedByAnotherWriterMeanwhile_isLeftAsItIs() {
        IamportPayment payment = paid(RebillFixture.AMOUNT);
        // verify's webhook confirms the order after the charge began: the order begun holds is stale
        rebill.stores.orders().update(begun.order().transitionTo(OrderStatus.PAID, payment.impUid(), null, null, "webhook",
                rebill.clock.instant()));

        Outcome outcome = rebill.recorder.record(begun, new ChargeOutcome.Paid(payment));

        assertThat(outcome).isEqualTo(Outcome.CHARGED);
        assertThat(rebill.order(MERCHANT_UID).failReason()).isEqualTo("webhook");
        assertThat(rebill.order(MERCHANT_UID).version()).isEqualTo(2);
    }

    @Test
    void orderThatCannotBecomeTheTarget_isLeftAsItIs() {
        IamportPayment payment = paid(RebillFixture.AMOUNT);
        rebill.stores.orders().update(begun.order().transitionTo(OrderStatus.PAID, payment.impUid(), null, null, null,
                rebill.clock.instant()));

        Outcome outcome = rebill.recorder.record(begun.attempt(), new ChargeOutcome.Declined("late decline", -1, null));

        assertThat(outcome).isEqualTo(Outcome.DECLINED);
        assertThat(rebill.order(MERCHANT_UID).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void orderMissing_stillRecordsTheAttempt() {
        ChargeAttempt inFlight = begun.attempt();
        RebillFixture other = new RebillFixture();
        other.stores.chargeAttempts().seed(inFlight);
        other.stores.subscriptions().seed(begun.subscription());

        assertThat(other.recorder.record(inFlight, new ChargeOutcome.NotAttempted("refused"))).isEqualTo(Outcome.NOT_ATTEMPTED);

        assertThat(other.stores.chargeAttempts().all()).singleElement()
                .satisfies(attempt -> assertThat(attempt.state()).isEqualTo(ChargeAttemptState.NOT_ATTEMPTED));
        assertThat(other.stores.orders().all()).isEmpty();
    }

    /** A subscription store whose reads always return one fixed copy. */
    private record StaleSubscriptions(SubscriptionStore store, Subscription copy) implements SubscriptionStore {
        @Override public WriteResult<Subscription> insert(Subscription subscription) { return store.insert(subscription); }
        @Override public Optional<Subscription> find(String customerId, String subscriptionId) { return Optional.of(copy); }
        @Override public List<Subscription> findAll(List<Key> keys) { return List.of(copy); }
        @Override public WriteResult<Subscription> update(Subscription changed) { return store.update(changed); }
        @Override public Page<Subscription> listByCustomer(String customerId, String cursor, int limit) {
            return store.listByCustomer(customerId, cursor, limit);
        }
        @Override public Page<Subscription> findDue(Instant now, String cursor, int limit) { return store.findDue(now, cursor, limit); }
    }

    private IamportPayment paid(long amount) {
        return rebill.paidElsewhere(MERCHANT_UID, amount);
    }
}
