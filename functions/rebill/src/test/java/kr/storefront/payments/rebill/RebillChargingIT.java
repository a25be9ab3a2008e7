package kr.storefront.payments.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
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
}
