package kr.storefront.payments.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.testkit.iamport.CardBehaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What one run charges and what each answer does to attempt, order and subscription. */
class RebillChargingIT extends RebillTestSupport {

    @Test
    void run_chargesDueSubscriptionsOnly() {
        bed.subscribe("sub_overdue", now.minus(Duration.ofHours(5)));
        bed.subscribe("sub_duenow", now);
        bed.subscribe("sub_tomorrow", now.plus(Duration.ofDays(1)));

        RebillReport report = bed.run();

        assertThat(report.due()).isEqualTo(2);
        assertThat(report.charged()).isEqualTo(2);
        assertThat(bed.againCalls()).extracting(call -> call.params().get("merchant_uid"))
                .containsExactlyInAnyOrder("sub_overdue_p0_a1", "sub_duenow_p0_a1");
        assertThat(bed.attempts("sub_tomorrow", 0)).isEmpty();
    }

    @Test
    void run_paid_recordsImpUid_marksOrderPaid_andAdvancesByTheInterval() {
        Subscription subscription = bed.subscribe("sub_paid", now);

        bed.run();

        ChargeAttempt attempt = bed.attempts("sub_paid", 0).get(0);
        assertThat(attempt.state()).isEqualTo(ChargeAttemptState.PAID);
        assertThat(attempt.impUid()).isNotBlank();
        assertThat(bed.order("sub_paid_p0_a1").status()).isEqualTo(OrderStatus.PAID);
        assertThat(bed.order("sub_paid_p0_a1").impUid()).isEqualTo(attempt.impUid());
        Subscription advanced = bed.subscription("sub_paid");
        assertThat(advanced.period()).isEqualTo(1);
        assertThat(advanced.nextChargeAt()).isEqualTo(subscription.interval().periodStart(subscription.anchorAt(), 1));
        assertThat(advanced.attemptOpen()).isFalse();
        Map<String, Object> sent = bed.againCalls().get(0).params();
        assertThat(sent).containsEntry("customer_uid", "cuid_sub_paid").containsEntry("name", RebillTestBed.PLAN_NAME);
        assertThat(sent.get("amount")).hasToString(Long.toString(RebillTestBed.AMOUNT));
    }

    @Test
    void run_afterThePeriodIsPaid_chargesNothingUntilTheNextPeriod() {
        bed.subscribe("sub_once", now);
        bed.run();

        bed.clock.advance(Duration.ofDays(20));
        RebillReport again = bed.run();

        assertThat(again.due()).isZero();
        assertThat(bed.paidCharges("sub_once", 0)).isEqualTo(1);
        assertThat(bed.againCalls()).hasSize(1);
    }

    @Test
    void run_monthEnd_jan31IsChargedOnFeb28ThenMar31() {
        Instant jan31 = Instant.parse("2026-01-30T15:00:00Z"); // 2026-01-31 00:00 in Seoul
        bed.clock.set(jan31);
        bed.subscribe("sub_monthend", jan31);

        bed.run();
        Instant feb28 = bed.subscription("sub_monthend").nextChargeAt();
        bed.clock.set(feb28);
        bed.run();

        assertThat(feb28).isEqualTo(Instant.parse("2026-02-27T15:00:00Z"));
        assertThat(bed.subscription("sub_monthend").nextChargeAt()).isEqualTo(Instant.parse("2026-03-30T15:00:00Z"));
        assertThat(bed.paidCharges("sub_monthend", 0)).isEqualTo(1);
        assertThat(bed.paidCharges("sub_monthend", 1)).isEqualTo(1);
    }

    static Object[][] declineShapes() {
        return new Object[][] {
            {CardBehaviour.declineAsFailedStatus("잔액부족"), "잔액부족"},
            {CardBehaviour.declineAsCodeMinusOne("결제승인에 실패하였습니다. [2116]개인 월 한도금액 초과"), "[2116]개인 월 한도금액 초과"},
        };
    }

    @ParameterizedTest
    @MethodSource("declineShapes")
    void run_declined_recordsTheReason_failsTheOrder_andSchedulesTheFirstDunningRetry(CardBehaviour decline, String reason) {
        bed.subscribe("sub_declined", now);
        bed.sandbox.setCardBehaviour("cuid_sub_declined", decline);

        RebillReport report = bed.run();

        assertThat(report.declined()).isEqualTo(1);
        ChargeAttempt attempt = bed.attempts("sub_declined", 0).get(0);
        assertThat(attempt.state()).isEqualTo(ChargeAttemptState.DECLINED);
        assertThat(attempt.failReason()).contains(reason);
        assertThat(bed.order("sub_declined_p0_a1").status()).isEqualTo(OrderStatus.FAILED);
        Subscription subscription = bed.subscription("sub_declined");
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(subscription.period()).isZero();
        assertThat(subscription.nextChargeAt()).isEqualTo(now.plus(Duration.ofDays(1)));
    }

    @Test
    void run_dunning_retriesAfter1_3_7Days_thenLeavesItPastDue() {
        bed.subscribe("sub_dunning", now);
        bed.sandbox.setCardBehaviour("cuid_sub_dunning", CardBehaviour.declineAsFailedStatus("한도초과"));

        bed.run();
        for (int days : new int[] {1, 3, 7}) {
            bed.clock.advance(Duration.ofDays(days).minusMinutes(1));
            assertThat(bed.run().due()).as("not due before day +%d", days).isZero();
            bed.clock.advance(Duration.ofMinutes(1));
            assertThat(bed.run().declined()).isEqualTo(1);
        }
        bed.clock.advance(Duration.ofDays(60));
        bed.run();

        assertThat(bed.againCalls()).extracting(call -> call.params().get("merchant_uid"))
                .containsExactly("sub_dunning_p0_a1", "sub_dunning_p0_a2", "sub_dunning_p0_a3", "sub_dunning_p0_a4");
        Subscription stopped = bed.subscription("sub_dunning");
        assertThat(stopped.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(stopped.nextChargeAt()).isNull();
        assertThat(stopped.failedAttempts()).isEqualTo(4);
    }

    @Test
    void run_declineThenPaidOnRetry_isActiveAgainForTheNextPeriod() {
        bed.subscribe("sub_recovers", now);
        bed.sandbox.setCardBehaviour("cuid_sub_recovers", CardBehaviour.declineAsFailedStatus("잔액부족"));
        bed.run();
        bed.sandbox.setCardBehaviour("cuid_sub_recovers", CardBehaviour.approve());

        bed.clock.advance(Duration.ofDays(1));
        bed.run();

        Subscription subscription = bed.subscription("sub_recovers");
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.period()).isEqualTo(1);
        assertThat(subscription.failedAttempts()).isZero();
        assertThat(bed.paidCharges("sub_recovers", 0)).isEqualTo(1);
    }

    @Test
    void run_cancelledOrEndingSubscriptionsAndInactiveKeys_areNeverCharged() {
        Subscription cancelled = bed.subscribe("sub_cancelled", now);
        bed.subscriptions.update(cancelled.cancelNow(now));
        Subscription ending = bed.subscribe("sub_ending", now);
        bed.subscriptions.update(ending.periodPaid(now).cancel(now));
        bed.clock.set(bed.subscription("sub_ending").nextChargeAt());
        bed.subscribe("sub_keydeleted", now);
        bed.billingKeys.update(bed.billingKeys.find("member-sub_keydeleted", "cuid_sub_keydeleted").orElseThrow()
                .transitionTo(BillingKeyStatus.DELETED, null, now));

        RebillReport report = bed.run();

        assertThat(bed.againCalls()).isEmpty();
        assertThat(report.ended()).isEqualTo(2);
        assertThat(bed.subscription("sub_cancelled").status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(bed.subscription("sub_ending").status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(bed.subscription("sub_keydeleted").status()).isEqualTo(SubscriptionStatus.CANCELLED);
    }

    @Test
    void run_billingKeyNotActive_suspendsWithoutCharging() {
        bed.subscribe("sub_keyfailed", now);
        BillingKey active = bed.billingKeys.find("member-sub_keyfailed", "cuid_sub_keyfailed").orElseThrow();
        bed.billingKeys.update(new BillingKey(active.customerId(), active.customerUid(), active.pg(), null, BillingKeyStatus.FAILED,
                null, active.createdAt(), now, active.version()));

        RebillReport report = bed.run();

        assertThat(report.ended()).isEqualTo(1);
        assertThat(bed.againCalls()).isEmpty();
        Subscription suspended = bed.subscription("sub_keyfailed");
        assertThat(suspended.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(suspended.nextChargeAt()).isNull();
    }
}
