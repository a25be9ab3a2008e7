package kr.storefront.payments.core.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.rebill.RebillConfiguration.AfterDunning;
import kr.storefront.payments.core.refund.RefundRequest;
import kr.storefront.payments.core.testing.CapturedStdout;
import kr.storefront.payments.core.testing.FakeIamportGateway.Answer;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole runs on the fakes: what is charged, what each answer leads to over later runs, never twice, budget and report. */
class RebillServiceTest {

    private static final Duration PAST_THRESHOLD = Duration.ofMinutes(31);

    private RebillFixture rebill = new RebillFixture();
    private final Instant now = RebillFixture.START;

    @Test
    void chargesDueSubscriptionsOnly() {
        rebill.subscribe("sub_overdue", now.minus(Duration.ofHours(5)));
        rebill.subscribe("sub_duenow", now);
        rebill.subscribe("sub_tomorrow", now.plus(Duration.ofDays(1)));

        RebillReport report = rebill.run();

        assertThat(report.due()).isEqualTo(2);
        assertThat(report.charged()).isEqualTo(2);
        assertThat(rebill.charged()).containsExactlyInAnyOrder("sub_overdue_p0_a1", "sub_duenow_p0_a1");
        assertThat(rebill.attempts("sub_tomorrow", 0)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-30T15:00:00Z, 2026-02-27T15:00:00Z, 2026-03-30T15:00:00Z", // Jan 31 → Feb 28 → Mar 31, Seoul time
        "2028-01-30T15:00:00Z, 2028-02-28T15:00:00Z, 2028-03-30T15:00:00Z", // leap year: Feb 29
    })
    void paidPeriods_areScheduledFromTheAnchor_neverDriftingAtMonthEnd(Instant jan31, Instant feb, Instant mar31) {
        rebill.clock.set(jan31);
        rebill.subscribe("sub_monthend", jan31);

        rebill.run();
        Instant second = rebill.subscription("sub_monthend").nextChargeAt();
        rebill.clock.set(second);
        rebill.run();

        assertThat(second).isEqualTo(feb);
        assertThat(rebill.subscription("sub_monthend").nextChargeAt()).isEqualTo(mar31);
        assertThat(rebill.charged()).containsExactly("sub_monthend_p0_a1", "sub_monthend_p1_a1");
        assertThat(rebill.order("sub_monthend_p1_a1").status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void sameScheduleTwice_andRunsBeforeTheNextPeriod_chargeNothingMore() {
        List<String> ids = List.of("sub_twice_1", "sub_twice_2", "sub_twice_3");
        ids.forEach(id -> rebill.subscribe(id, now));

        RebillReport first = rebill.run();
        RebillReport repeated = rebill.run();
        rebill.clock.advance(Duration.ofDays(20));
        RebillReport later = rebill.run();

        assertThat(first.charged()).isEqualTo(3);
        assertThat(repeated.due()).isZero();
        assertThat(later.due()).isZero();
        assertThat(rebill.charged()).hasSize(3);
        ids.forEach(id -> assertThat(rebill.paidAtIamport(id, 0)).as(id).isEqualTo(1));
    }

    @ParameterizedTest
    @EnumSource(AfterDunning.class)
    void declined_retriedAfter1_3_7Days_thenStoppedOrCancelledByAfterDunning(AfterDunning afterDunning) {
        rebill = new RebillFixture(RebillFixture.configuration(8, 100, afterDunning));
        rebill.subscribe("sub_dunning", now);
        rebill.iamport.forBillingKey("cuid_sub_dunning", Answer.decline("한도초과"));

        assertThat(rebill.run().declined()).isEqualTo(1);
        for (int days : new int[] {1, 3, 7}) {
            rebill.clock.advance(Duration.ofDays(days).minusMinutes(1));
            assertThat(rebill.run().due()).as("not due before day +%d", days).isZero();
            rebill.clock.advance(Duration.ofMinutes(1));
            assertThat(rebill.run().declined()).isEqualTo(1);
        }
        rebill.clock.advance(Duration.ofDays(60));
        assertThat(rebill.run().due()).isZero();

        assertThat(rebill.charged()).containsExactly("sub_dunning_p0_a1", "sub_dunning_p0_a2", "sub_dunning_p0_a3", "sub_dunning_p0_a4");
        assertThat(rebill.attempts("sub_dunning", 0)).extracting(ChargeAttempt::state).containsOnly(ChargeAttemptState.DECLINED);
        Subscription stopped = rebill.subscription("sub_dunning");
        assertThat(stopped.status()).isEqualTo(afterDunning == AfterDunning.CANCEL ? SubscriptionStatus.CANCELLED : SubscriptionStatus.PAST_DUE);
        assertThat(stopped.nextChargeAt()).isNull();
        assertThat(stopped.failedAttempts()).isEqualTo(4);
        assertThat(stopped.period()).isZero();
    }

    @Test
    void declinedThenPaidOnTheRetry_isActiveAgain_forTheNextPeriod() {
        rebill.subscribe("sub_recovers", now);
        rebill.iamport.next(Operation.CHARGE_BILLING_KEY, Answer.decline("잔액부족"));
        rebill.run();

        rebill.clock.advance(Duration.ofDays(1));
        rebill.run();

        Subscription recovered = rebill.subscription("sub_recovers");
        assertThat(recovered.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(recovered.period()).isEqualTo(1);
        assertThat(recovered.failedAttempts()).isZero();
        assertThat(recovered.nextChargeAt()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(rebill.order("sub_recovers_p0_a1").status()).isEqualTo(OrderStatus.FAILED);
        assertThat(rebill.order("sub_recovers_p0_a2").status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void notAttempted_theNextRunTriesTheNextAttempt() {
        rebill.subscribe("sub_refused", now);
        rebill.iamport.next(Operation.CHARGE_BILLING_KEY, Answer.unreachable());

        RebillReport first = rebill.run();
        RebillReport next = rebill.run();

        assertThat(first.notAttempted()).isEqualTo(1);
        assertThat(next.charged()).isEqualTo(1);
        assertThat(rebill.charged()).containsExactly("sub_refused_p0_a1", "sub_refused_p0_a2");
        assertThat(rebill.attempts("sub_refused", 0)).extracting(ChargeAttempt::state)
                .containsExactly(ChargeAttemptState.NOT_ATTEMPTED, ChargeAttemptState.PAID);
        assertThat(rebill.order("sub_refused_p0_a1").status()).isEqualTo(OrderStatus.FAILED);
        assertThat(rebill.paidAtIamport("sub_refused", 0)).isEqualTo(1);
    }

    @Test
    void unknownButApplied_isNotDueUntilReconciled_thenPaid_withoutChargingAgain() {
        rebill.subscribe("sub_lost", now);
        rebill.iamport.next(Operation.CHARGE_BILLING_KEY, Answer.lostAfterApplying());

        RebillReport first = rebill.run();
        Order pending = rebill.order("sub_lost_p0_a1");
        rebill.clock.advance(Duration.ofMinutes(5));
        RebillReport second = rebill.run();

        assertThat(first.unknown()).isEqualTo(1);
        assertThat(pending.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(second.reconciled()).isEqualTo(1);
        assertThat(second.due()).isZero();
        assertThat(rebill.charged()).hasSize(1);
        assertThat(rebill.paidAtIamport("sub_lost", 0)).isEqualTo(1);
        assertThat(rebill.onlyAttempt("sub_lost", 0).state()).isEqualTo(ChargeAttemptState.PAID);
        assertThat(rebill.order("sub_lost_p0_a1").status()).isEqualTo(OrderStatus.PAID);
        assertThat(rebill.subscription("sub_lost").period()).isEqualTo(1);
    }

    @Test
    void unknownWithNothingAtIamport_waitsTheSettleTime_thenTheSameRunChargesTheNextAttempt() {
        rebill.subscribe("sub_5xx", now);
        rebill.iamport.next(Operation.CHARGE_BILLING_KEY, Answer.lostBeforeApplying());

        RebillReport first = rebill.run();
        rebill.clock.advance(Duration.ofMinutes(2));
        RebillReport early = rebill.run();
        rebill.clock.advance(Duration.ofMinutes(9));
        RebillReport settled = rebill.run();

        assertThat(first.unknown()).isEqualTo(1);
        assertThat(early.unresolved()).isEqualTo(1);
        assertThat(early.due()).isZero();
        assertThat(settled.reconciled()).isEqualTo(1);
        assertThat(settled.charged()).isEqualTo(1);
        assertThat(rebill.charged()).containsExactly("sub_5xx_p0_a1", "sub_5xx_p0_a2");
        assertThat(rebill.attempts("sub_5xx", 0)).extracting(ChargeAttempt::state)
                .containsExactly(ChargeAttemptState.NOT_ATTEMPTED, ChargeAttemptState.PAID);
        assertThat(rebill.order("sub_5xx_p0_a1").status()).isEqualTo(OrderStatus.FAILED);
        assertThat(rebill.paidAtIamport("sub_5xx", 0)).isEqualTo(1);
    }

    @Test
    void crashAfterTheBeginWrite_beforeTheCharge_isReconciledAsNotCharged_andChargedOnce() {
        rebill.subscribe("sub_crash_begin", now);
        rebill.stores.ledger().faults().failNextCallAfterWriting("begin");

        RebillReport crashed = rebill.run();
        rebill.clock.advance(Duration.ofSeconds(30));
        RebillReport whileMaybeLive = rebill.run();
        rebill.clock.advance(Duration.ofMinutes(3));
        RebillReport beforeSettled = rebill.run();
        rebill.clock.set(now.plus(RebillFixture.SETTLE_TIME));
        RebillReport settled = rebill.run();

        assertThat(crashed.errors()).isEqualTo(1);
        assertThat(whileMaybeLive.unresolved()).isEqualTo(1);
        assertThat(whileMaybeLive.due()).isZero();
        assertThat(beforeSettled.unresolved()).isEqualTo(1);
        assertThat(settled.reconciled()).isEqualTo(1);
        assertThat(settled.charged()).isEqualTo(1);
        assertThat(rebill.charged()).containsExactly("sub_crash_begin_p0_a2");
        assertThat(rebill.paidAtIamport("sub_crash_begin", 0)).isEqualTo(1);
    }

    @Test
    void crashAfterTheCharge_beforeItsOutcomeWasWritten_isReconciledAsPaid_afterTheInFlightGrace() {
        rebill.subscribe("sub_crash_charge", now);
        rebill.stores.ledger().faults().failNextCall("settle");

        RebillReport crashed = rebill.run();
        rebill.clock.advance(Duration.ofSeconds(30));
        RebillReport whileMaybeLive = rebill.run();
        rebill.clock.advance(Duration.ofMinutes(2));
        RebillReport afterGrace = rebill.run();

        assertThat(crashed.errors()).isEqualTo(1);
        assertThat(whileMaybeLive.unresolved()).isEqualTo(1);
        assertThat(whileMaybeLive.due()).isZero();
        assertThat(afterGrace.reconciled()).isEqualTo(1);
        assertThat(rebill.charged()).hasSize(1);
        assertThat(rebill.onlyAttempt("sub_crash_charge", 0).state()).isEqualTo(ChargeAttemptState.PAID);
        assertThat(rebill.order("sub_crash_charge_p0_a1").status()).isEqualTo(OrderStatus.PAID);
        assertThat(rebill.subscription("sub_crash_charge").period()).isEqualTo(1);
    }

    @Test
    void crashAfterTheOutcomeWasWritten_neverChargesThePeriodAgain() {
        rebill.subscribe("sub_crash_settle", now);
        rebill.stores.ledger().faults().failNextCallAfterWriting("settle");

        RebillReport crashed = rebill.run();
        rebill.clock.advance(Duration.ofMinutes(15));
        RebillReport next = rebill.run();
        rebill.clock.advance(Duration.ofMinutes(30)); // past rebill.pending-order-threshold: the sweep takes the order
        RebillReport swept = rebill.run();

        assertThat(crashed.errors()).isEqualTo(1);
        assertThat(next.due()).isZero();
        assertThat(rebill.charged()).hasSize(1);
        ChargeAttempt attempt = rebill.onlyAttempt("sub_crash_settle", 0);
        assertThat(attempt.state()).isEqualTo(ChargeAttemptState.PAID);
        assertThat(rebill.subscription("sub_crash_settle").period()).isEqualTo(1);
        // the order was written with the attempt, in the same atomic write: nothing left for the sweep
        assertThat(swept.ordersConfirmed()).isZero();
        assertThat(rebill.order(attempt.merchantUid()).status()).as("the order went with its attempt").isEqualTo(OrderStatus.PAID);
        assertThat(rebill.order(attempt.merchantUid()).impUid()).isEqualTo(attempt.impUid());
        assertThat(rebill.charged()).as("nothing charged again").hasSize(1);
    }

    @Test
    void attemptInFlightInALiveRun_isNeitherChargedNorReconciled() {
        rebill.begin(rebill.subscribe("sub_live", now));
        rebill.clock.advance(Duration.ofSeconds(30));

        RebillReport report = rebill.run();

        assertThat(report.due()).isZero();
        assertThat(report.unresolved()).isEqualTo(1);
        assertThat(rebill.iamport.calls()).isEmpty();
    }

    @Test
    void twoRunsAtOnce_chargeEachPeriodOnce() {
        rebill = new RebillFixture(RebillFixture.configuration(4, 3, AfterDunning.PAST_DUE));
        List<String> ids = IntStream.rangeClosed(1, 24).mapToObj(i -> "sub_race_" + i).toList();
        ids.forEach(id -> rebill.subscribe(id, now));

        CompletableFuture<RebillReport> one = CompletableFuture.supplyAsync(rebill::run);
        CompletableFuture<RebillReport> two = CompletableFuture.supplyAsync(rebill::run);

        assertThat(one.join().charged() + two.join().charged()).isEqualTo(24);
        assertThat(rebill.charged()).hasSize(24).doesNotHaveDuplicates();
        ids.forEach(id -> assertThat(rebill.paidAtIamport(id, 0)).as(id).isEqualTo(1));
    }

    @Test
    void paidWithAnotherAmount_isRefundedOnce_flaggedWithOneAlert_andChargingStops() {
        rebill.subscribe("sub_forged", now);
        rebill.iamport.next(Operation.CHARGE_BILLING_KEY, Answer.lostBeforeApplying());
        rebill.run();
        // someone else paid our attempt's merchant_uid with another amount
        String impUid = rebill.paidElsewhere("sub_forged_p0_a1", 100).impUid();
        rebill.clock.advance(Duration.ofMinutes(5));

        RebillReport[] report = new RebillReport[1];
        String logs = CapturedStdout.of(() -> report[0] = rebill.run());
        rebill.clock.advance(Duration.ofDays(40));
        RebillReport later = rebill.run();

        assertThat(report[0].forged()).isEqualTo(1);
        assertThat(logs.lines().filter(line -> line.contains("ALERT"))).singleElement().asString()
                .contains("ALERT forged charge merchant_uid=sub_forged_p0_a1");
        assertThat(rebill.iamport.requests(PaymentCancel.class)).singleElement()
                .satisfies(cancel -> assertThat(cancel.checksum()).isEqualTo(100));
        assertThat(rebill.iamport.payment(impUid).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(rebill.onlyAttempt("sub_forged", 0).state()).isEqualTo(ChargeAttemptState.FORGED);
        assertThat(rebill.order("sub_forged_p0_a1").status()).isEqualTo(OrderStatus.FORGED);
        Subscription stopped = rebill.subscription("sub_forged");
        assertThat(stopped.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(stopped.nextChargeAt()).isNull();
        assertThat(stopped.period()).isZero();
        assertThat(later.due()).isZero();
        assertThat(rebill.charged()).hasSize(1);
    }

    @Test
    void orderSweep_confirmsAPaidOrderWhoseWebhookWasLost_andLooksAgainAtOnesNeverPaid() {
        Order paid = openOrder("ord_paid");
        Order unpaid = openOrder("ord_unpaid");
        rebill.paidElsewhere(paid.merchantUid(), paid.amount());
        rebill.clock.advance(PAST_THRESHOLD);

        RebillReport first = rebill.run();
        rebill.clock.advance(Duration.ofHours(1));
        RebillReport second = rebill.run();

        assertThat(first.ordersChecked()).isEqualTo(2);
        assertThat(first.ordersConfirmed()).isEqualTo(1);
        assertThat(rebill.order("ord_paid").status()).isEqualTo(OrderStatus.PAID);
        assertThat(second.ordersChecked()).isEqualTo(1);
        assertThat(rebill.order(unpaid.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void refundSweep_settlesRefundsWhoseAnswerWasLost_appliedOnesRecorded_neverAppliedOnesDroppedOnceNoLongerInFlight() {
        Order applied = paidOrder("ord_rfd_applied");
        Order neverApplied = paidOrder("ord_rfd_lost");
        rebill.iamport.next(Operation.CANCEL, Answer.lostAfterApplying());
        rebill.refunds.refund(applied.merchantUid(), new RefundRequest(5_000L, "파손"), "rk-1");
        rebill.iamport.next(Operation.CANCEL, Answer.lostBeforeApplying());
        rebill.refunds.refund(neverApplied.merchantUid(), new RefundRequest(5_000L, "파손"), "rk-2");

        RebillReport first = rebill.run();
        rebill.clock.advance(Duration.ofMinutes(2));
        RebillReport second = rebill.run();
        RebillReport third = rebill.run();

        assertThat(first.refundsChecked()).isEqualTo(2);
        assertThat(first.refundsSettled()).as("the one never applied may still be in flight").isEqualTo(1);
        assertThat(rebill.order(applied.merchantUid()).pendingRefund()).isNull();
        assertThat(rebill.order(applied.merchantUid()).refundedAmount()).isEqualTo(5_000);
        assertThat(rebill.order(applied.merchantUid()).status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(second.refundsChecked()).isEqualTo(1);
        assertThat(second.refundsSettled()).isEqualTo(1);
        assertThat(rebill.order(neverApplied.merchantUid()).pendingRefund()).as("dropped: it may be asked for again").isNull();
        assertThat(rebill.order(neverApplied.merchantUid()).refundedAmount()).isZero();
        assertThat(third.refundsChecked()).isZero();
        assertThat(rebill.iamport.calls(Operation.CANCEL)).as("never sent again by the sweep").hasSize(2);
    }

    @Test
    void orderSweep_takesOnlyOrdersBetweenTheThresholdAndTheMaximumAge() {
        Order tooOld = openOrder("ord_old");
        rebill.paidElsewhere(tooOld.merchantUid(), tooOld.amount());
        rebill.clock.advance(Duration.ofDays(7).plusMinutes(1));
        Order young = openOrder("ord_young");
        rebill.paidElsewhere(young.merchantUid(), young.amount());
        rebill.clock.advance(Duration.ofMinutes(10));

        RebillReport report = rebill.run();
        rebill.clock.advance(Duration.ofMinutes(21));
        RebillReport later = rebill.run();

        assertThat(report.ordersChecked()).isZero();
        assertThat(later.ordersChecked()).isEqualTo(1);
        assertThat(rebill.order("ord_young").status()).isEqualTo(OrderStatus.PAID);
        assertThat(rebill.order("ord_old").status()).isEqualTo(OrderStatus.PENDING);
        assertThat(rebill.iamport.calls(Operation.FIND_PAYMENT_BY_MERCHANT_UID)).singleElement()
                .satisfies(call -> assertThat(call.arguments()).startsWith("ord_young"));
    }

    @Test
    void budgetSpentMidBatch_stopsTakingWork_andTheNextRunResumes() {
        // one charge at a time, each taking a minute; new work stops 2 minutes before the deadline
        rebill = new RebillFixture(RebillFixture.configuration(1, 2, AfterDunning.PAST_DUE), Duration.ofMinutes(1));
        List<String> ids = IntStream.rangeClosed(1, 5).mapToObj(i -> "sub_budget_" + i).toList();
        ids.forEach(id -> rebill.subscribe(id, now));

        // 4.5 minutes left: charges start at +0, +1 and +2 minutes; at +3 only 1.5 minutes would be left
        RebillReport cutShort = rebill.run(Duration.ofSeconds(270));
        RebillReport resumed = rebill.run();

        assertThat(cutShort.budgetExhausted()).isTrue();
        assertThat(cutShort.queued()).isEqualTo(5);
        assertThat(cutShort.charged()).isEqualTo(3);
        assertThat(resumed.budgetExhausted()).isFalse();
        // the handed-back message is delivered again (its 3 charged are skipped) and the 2 still due are queued again
        assertThat(resumed.due()).isEqualTo(2);
        assertThat(resumed.charged()).isEqualTo(2);
        assertThat(resumed.skipped()).isEqualTo(5);
        ids.forEach(id -> assertThat(rebill.paidAtIamport(id, 0)).as(id).isEqualTo(1));
    }

    @Test
    void sweepDoesNotWaitForTheCharges_aRunWhoseWorkersAreCutShortStillSweeps() {
        rebill = new RebillFixture(RebillFixture.configuration(1, 100, AfterDunning.PAST_DUE), Duration.ofMinutes(1));
        Order paid = openOrder("ord_cutoff");
        rebill.paidElsewhere(paid.merchantUid(), paid.amount());
        rebill.clock.advance(PAST_THRESHOLD);
        IntStream.rangeClosed(1, 3).forEach(i -> rebill.subscribe("sub_sweep_" + i, rebill.clock.instant()));

        RebillReport cutShort = rebill.run(Duration.ofSeconds(270));
        RebillReport next = rebill.run();

        assertThat(cutShort.charged()).isEqualTo(3);
        assertThat(cutShort.ordersConfirmed()).isEqualTo(1);
        assertThat(next.ordersChecked()).isZero();
        assertThat(rebill.order("ord_cutoff").status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void deadlineWithinStopBeforeDeadline_startsNothing_notEvenReconciliation() {
        rebill.subscribe("sub_late", now);
        ChargeAttempt unresolved = rebill.begin(rebill.subscribe("sub_unresolved", now)).attempt();
        rebill.clock.advance(Duration.ofMinutes(30));

        RebillReport tooLate = rebill.run(Duration.ofMinutes(2));

        assertThat(tooLate.budgetExhausted()).isTrue();
        assertThat(tooLate.due()).isZero();
        assertThat(tooLate.unresolved()).isZero();
        assertThat(rebill.iamport.calls()).isEmpty();
        assertThat(rebill.onlyAttempt("sub_unresolved", 0)).isEqualTo(unresolved);
    }

    @Test
    void oneFailingSubscription_isCountedAsAnError_andLeftForTheNextRun() {
        rebill = new RebillFixture(RebillFixture.configuration(1, 100, AfterDunning.PAST_DUE));
        rebill.subscribe("sub_err_1", now);
        rebill.subscribe("sub_err_2", now);
        rebill.stores.ledger().faults().failNextCall("begin");

        RebillReport failed = rebill.run();
        RebillReport next = rebill.run();

        assertThat(failed.errors()).isEqualTo(1);
        assertThat(failed.charged()).isEqualTo(1);
        assertThat(next.due()).isEqualTo(1);
        assertThat(next.charged()).isEqualTo(1);
        assertThat(rebill.charged()).containsExactlyInAnyOrder("sub_err_1_p0_a1", "sub_err_2_p0_a1");
    }

    @Test
    void report_countsEveryKindOfWork_andIsLoggedAsOneLine() {
        // earlier runs' attempts, begun 40 minutes ago: one paid at i'mport, one paid with another amount
        rebill.begin(rebill.subscribe("sub_reconciled", now));
        rebill.paidElsewhere("sub_reconciled_p0_a1", RebillFixture.AMOUNT);
        rebill.begin(rebill.subscribe("sub_forged", now));
        rebill.paidElsewhere("sub_forged_p0_a1", 100);
        // open orders created then: paid, failed, tampered, never paid
        rebill.paidElsewhere(openOrder("ord_paid").merchantUid(), 36_000);
        rebill.iamport.seedPayment(rebill.iamport.newPayment(openOrder("ord_failed").merchantUid(), 36_000).failed("취소", now).build());
        rebill.paidElsewhere(openOrder("ord_tampered").merchantUid(), 1_000);
        openOrder("ord_unpaid");
        rebill.clock.advance(Duration.ofMinutes(40));
        // an attempt a live run began 30 seconds ago
        rebill.clock.advance(Duration.ofSeconds(-30));
        rebill.begin(rebill.subscribe("sub_live", rebill.clock.instant()));
        rebill.clock.advance(Duration.ofSeconds(30));
        // due now, one per charge outcome, and one ended instead
        Instant due = rebill.clock.instant();
        rebill.subscribe("sub_paid", due);
        rebill.subscribe("sub_declined", due);
        rebill.iamport.forBillingKey("cuid_sub_declined", Answer.decline("잔액부족"));
        rebill.subscribe("sub_notattempted", due);
        rebill.iamport.forBillingKey("cuid_sub_notattempted", Answer.unreachable());
        rebill.subscribe("sub_unknown", due);
        rebill.iamport.forBillingKey("cuid_sub_unknown", Answer.lostBeforeApplying());
        rebill.subscribe("sub_ended", due);
        BillingKey key = rebill.stores.billingKeys().find("member-sub_ended", "cuid_sub_ended").orElseThrow();
        rebill.stores.billingKeys().seed(key.transitionTo(BillingKeyStatus.DELETED, null, due));

        RebillReport[] report = new RebillReport[1];
        String logs = CapturedStdout.of(() -> report[0] = rebill.run());

        assertThat(report[0]).usingRecursiveComparison().ignoringFields("durationMs").isEqualTo(new RebillReport(due, 5, 5, 1, 1, 1, 1,
                1, 1, 0, 1, 1, 4, 1, 1, 1, 0, 0, 0, false, 0));
        // one line for the planner run, one for the worker invocation that charged its one message
        assertThat(logs).containsOnlyOnce("rebill report ").containsOnlyOnce("rebill batch report ")
                .contains(" due=5 queued=5 charged=0 ").contains(" due=0 queued=0 charged=1 declined=1 not_attempted=1 unknown=1 ")
                .contains("messages=1 subscriptions=5 retried=0");
    }

    @Test
    void kakaopayFirstPeriodClaimedByTheWindow_rebillStartsAtPeriod1_andChargesItOnce() {
        Instant confirmed = now;
        Order window = rebill.stores.orders().seed(Order.pending("ord_window", OrderKind.BILLING_KEY_ISSUE, "member-sub_kakao",
                RebillFixture.PLAN_NAME, RebillFixture.AMOUNT, Pg.KAKAOPAY, "card", List.of(), "cuid_sub_kakao", null, confirmed)
                .forPlan("plan-monthly").transitionTo(OrderStatus.PAID, "imp_window", null, null, null, confirmed));
        rebill.iamport.seedBillingKey("cuid_sub_kakao");
        rebill.stores.billingKeys().seed(BillingKey.pendingFromWindow("member-sub_kakao", "cuid_sub_kakao", Pg.KAKAOPAY, "ord_window",
                confirmed).transitionTo(BillingKeyStatus.ACTIVE, null, confirmed));
        Subscription started = Subscription.startWithFirstPeriodPaid("sub_kakao", "member-sub_kakao", "cuid_sub_kakao",
                "plan-monthly", RebillFixture.PLAN_NAME, RebillFixture.AMOUNT, BillingInterval.months(1), confirmed, confirmed);
        Subscription subscription = rebill.stores.ledger().startPaidByWindow(started,
                ChargeAttempt.paidByWindow(started, window, confirmed), window.claimedAsFirstPeriodOf("sub_kakao", confirmed))
                .orElseThrow();
        ChargeAttempt periodZero = rebill.onlyAttempt("sub_kakao", 0);

        RebillReport atStart = rebill.run();
        rebill.clock.set(subscription.nextChargeAt());
        RebillReport periodOne = rebill.run();
        rebill.clock.advance(Duration.ofDays(1));
        RebillReport dayAfter = rebill.run();

        assertThat(subscription.period()).isEqualTo(1);
        assertThat(subscription.nextChargeAt()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(atStart.due()).isZero();
        assertThat(periodOne.charged()).isEqualTo(1);
        assertThat(dayAfter.due()).isZero();
        assertThat(rebill.charged()).containsExactly("sub_kakao_p1_a1");
        assertThat(rebill.subscription("sub_kakao").period()).isEqualTo(2);
        assertThat(rebill.onlyAttempt("sub_kakao", 0)).isEqualTo(periodZero);
        assertThat(periodZero.state()).isEqualTo(ChargeAttemptState.PAID);
        assertThat(periodZero.merchantUid()).isEqualTo("ord_window");
        assertThat(rebill.order("ord_window").subscriptionId()).isEqualTo("sub_kakao");
    }

    /** A storefront order as checkout opens it, at 36,000 won; nothing sends its webhook. */
    /** A paid one-time order of 36,000 won, its payment at i'mport. */
    private Order paidOrder(String merchantUid) {
        var payment = rebill.iamport.seedPayment(rebill.iamport.newPayment(merchantUid, 36_000).build());
        Order order = Order.pending(merchantUid, OrderKind.ONE_TIME, null, "Coffee beans 1kg", 36_000, Pg.TOSSPAYMENTS, "card",
                List.of(), null, null, rebill.clock.instant());
        return rebill.stores.orders().seed(order.transitionTo(OrderStatus.PAID, payment.impUid(), null, null, null,
                rebill.clock.instant()));
    }

    private Order openOrder(String merchantUid) {
        return rebill.stores.orders().seed(Order.pending(merchantUid, OrderKind.ONE_TIME, null, "Coffee beans 1kg", 36_000,
                Pg.TOSSPAYMENTS, "card", List.of(), null, null, rebill.clock.instant()));
    }
}
