package kr.storefront.payments.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import kr.storefront.payments.core.iamport.BillingKeyCharge;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.core.store.ChargeLedger;
import kr.storefront.payments.core.testing.CapturedStdout;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.Faults;
import kr.storefront.payments.testkit.iamport.Payment;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Never two charges for one period: lost answers, crashed runs, repeated and concurrent runs. */
class RebillExactlyOnceIT extends RebillTestSupport {

    /** Longer than the test context's 2 s charge read timeout. */
    private static final Duration HOLD = Duration.ofSeconds(3);

    static List<Consumer<Faults>> lostAnswers() {
        return List.of(faults -> faults.timeoutAfterApply(Endpoint.AGAIN, 1, HOLD), faults -> faults.dropAfterApply(Endpoint.AGAIN, 1));
    }

    @ParameterizedTest
    @MethodSource("lostAnswers")
    void chargeAppliedButAnswerLost_nextRunReconcilesAsPaid_withoutChargingAgain(Consumer<Faults> loseTheAnswer) {
        bed.subscribe("sub_lost", now);
        loseTheAnswer.accept(bed.sandbox.faults());

        RebillReport first = bed.run();
        bed.clock.advance(Duration.ofMinutes(5));
        RebillReport second = bed.run();

        assertThat(first.unknown()).isEqualTo(1);
        assertThat(second.reconciled()).isEqualTo(1);
        assertThat(second.due()).isZero();
        assertThat(bed.againCalls()).hasSize(1);
        assertThat(bed.paidCharges("sub_lost", 0)).isEqualTo(1);
        ChargeAttempt attempt = bed.attempts("sub_lost", 0).get(0);
        assertThat(attempt.state()).isEqualTo(ChargeAttemptState.PAID);
        assertThat(bed.order("sub_lost_p0_a1").status()).isEqualTo(OrderStatus.PAID);
        assertThat(bed.subscription("sub_lost").period()).isEqualTo(1);
    }

    @Test
    void unknownWithNothingAtIamport_waitsTheSettleTime_thenChargesTheNextAttempt() {
        bed.subscribe("sub_5xx", now);
        bed.sandbox.faults().failNext(Endpoint.AGAIN, 1, 502);

        AtomicReference<RebillReport> firstRun = new AtomicReference<>();
        AtomicReference<RebillReport> earlyRun = new AtomicReference<>();
        String logs = CapturedStdout.of(() -> {
            firstRun.set(bed.run());
            bed.clock.advance(Duration.ofMinutes(2));
            earlyRun.set(bed.run());
        });
        RebillReport first = firstRun.get();
        RebillReport early = earlyRun.get();
        bed.clock.advance(Duration.ofMinutes(9));
        RebillReport settled = bed.run();

        assertThat(first.unknown()).isEqualTo(1);
        assertThat(early.unresolved()).isEqualTo(1);
        assertThat(early.due()).isZero();
        assertThat(settled.reconciled()).isEqualTo(1);
        assertThat(settled.charged()).isEqualTo(1);
        assertThat(bed.againCalls()).extracting(call -> call.params().get("merchant_uid"))
                .containsExactly("sub_5xx_p0_a1", "sub_5xx_p0_a2");
        assertThat(bed.attempts("sub_5xx", 0)).extracting(ChargeAttempt::state)
                .containsExactly(ChargeAttemptState.NOT_ATTEMPTED, ChargeAttemptState.PAID);
        assertThat(bed.order("sub_5xx_p0_a1").status()).isEqualTo(OrderStatus.FAILED);
        assertThat(bed.paidCharges("sub_5xx", 0)).isEqualTo(1);
        // the EMF lines the metrics and the UnknownOutcomesUnresolved alarm read (docs/operations.md): charges from the
        // worker (the early run queued nothing), the gauge from each planner run
        List<String> metrics = logs.lines().filter(line -> line.startsWith("{\"_aws\"")).toList();
        assertThat(metrics).filteredOn(line -> line.contains("\"Outcome\":\"unknown\",\"RebillCharges\":"))
                .extracting(line -> line.substring(line.lastIndexOf(':') + 1)).containsExactly("1}"); // one worker invocation
        assertThat(metrics).filteredOn(line -> line.contains("\"UnknownOutcomesUnresolved\""))
                .allMatch(line -> line.contains("\"Dimensions\":[[\"Service\"]]"))
                .extracting(line -> line.replaceAll(".*\"UnknownOutcomesUnresolved\":([0-9]+).*", "$1")).containsExactly("0", "1");
    }

    @Test
    void runCrashedAfterItsCharge_attemptIsLeftWhileItMayBeLive_thenReconciledAsPaid() {
        Subscription due = bed.subscribe("sub_crash", now);
        // what a run did before it died: the attempt written, the charge sent, nothing recorded
        BillingKey key = bed.billingKeys.find(due.customerId(), due.customerUid()).orElseThrow();
        bed.context.getBean(ChargeLedger.class).begin(ChargeAttempt.inFlight(due, 1, "sub_crash_p0_a1", now),
                Order.pending("sub_crash_p0_a1", OrderKind.SUBSCRIPTION_CHARGE, due.customerId(), due.name(), due.amount(),
                        key.pg(), "card", List.of(), due.customerUid(), due.id(), now),
                due.attemptStarted(now));
        bed.gateway.chargeBillingKey(new BillingKeyCharge(due.customerUid(), "sub_crash_p0_a1", due.amount(), due.name(), null));

        bed.clock.advance(Duration.ofSeconds(30));
        RebillReport whileMaybeLive = bed.run();
        bed.clock.advance(Duration.ofMinutes(2));
        RebillReport afterGrace = bed.run();

        assertThat(whileMaybeLive.unresolved()).isEqualTo(1);
        assertThat(whileMaybeLive.due()).isZero();
        assertThat(afterGrace.reconciled()).isEqualTo(1);
        assertThat(bed.againCalls()).hasSize(1);
        assertThat(bed.attempts("sub_crash", 0).get(0).state()).isEqualTo(ChargeAttemptState.PAID);
        assertThat(bed.subscription("sub_crash").period()).isEqualTo(1);
    }

    @Test
    void sameScheduleDeliveredTwice_chargesEachPeriodOnce() {
        List<String> ids = List.of("sub_twice_1", "sub_twice_2", "sub_twice_3");
        ids.forEach(id -> bed.subscribe(id, now));

        RebillReport first = bed.run();
        RebillReport repeated = bed.run();

        assertThat(first.charged()).isEqualTo(3);
        assertThat(repeated.due()).isZero();
        assertThat(bed.againCalls()).hasSize(3);
        ids.forEach(id -> assertThat(bed.paidCharges(id, 0)).as(id).isEqualTo(1));
    }

    @Test
    void twoRunsAtOnce_chargeEachPeriodOnce(AwsEmulator emulator) {
        List<String> ids = IntStream.rangeClosed(1, 12).mapToObj(i -> "sub_race_" + i).toList();
        ids.forEach(id -> bed.subscribe(id, now));
        bed.sandbox.faults().latency(Endpoint.AGAIN, Duration.ofMillis(200));

        try (RebillTestBed other = bed.twin(emulator)) {
            CompletableFuture<RebillReport> one = CompletableFuture.supplyAsync(() -> bed.run());
            CompletableFuture<RebillReport> two = CompletableFuture.supplyAsync(() -> other.run());

            assertThat(one.join().charged() + two.join().charged()).isEqualTo(12);
        }
        assertThat(bed.againCalls()).hasSize(12);
        ids.forEach(id -> assertThat(bed.paidCharges(id, 0)).as(id).isEqualTo(1));
    }

    @Test
    void paidWithAnotherAmount_isRefundedFlaggedAndStopsCharging() {
        bed.subscribe("sub_forged", now);
        bed.sandbox.faults().failNext(Endpoint.AGAIN, 1, 502);
        bed.run();
        // someone else paid our attempt's merchant_uid with a different amount
        String impUid = bed.sandbox.completeWindow(WindowRequest.builder(Map.of("pg", "tosspayments", "pay_method", "card",
                "merchant_uid", "sub_forged_p0_a1", "name", "Monthly plan", "amount", 100)).build()).impUid();

        bed.clock.advance(Duration.ofMinutes(5));
        RebillReport report = bed.run();

        assertThat(report.forged()).isEqualTo(1);
        assertThat(bed.sandbox.payment(impUid).orElseThrow().status()).isEqualTo(Payment.Status.CANCELLED);
        assertThat(bed.attempts("sub_forged", 0).get(0).state()).isEqualTo(ChargeAttemptState.FORGED);
        assertThat(bed.order("sub_forged_p0_a1").status()).isEqualTo(OrderStatus.FORGED);
        Subscription stopped = bed.subscription("sub_forged");
        assertThat(stopped.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(stopped.nextChargeAt()).isNull();
        assertThat(stopped.period()).isZero();
        assertThat(bed.againCalls()).hasSize(1);
    }
}
