package kr.storefront.payments.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void cancel_beforeTheFirstCharge_endsNow() {
        Subscription cancelled = fresh().cancel(NOW);

        assertThat(cancelled.status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(cancelled.nextChargeAt()).isNull();
        assertThat(cancelled.isDue(NOW.plusSeconds(86400 * 60))).isFalse();
    }

    @Test
    void cancel_withAPaidPeriod_runsToItsEnd() {
        Subscription renewing = atPeriod(1, SubscriptionStatus.ACTIVE);

        Subscription cancelled = renewing.cancel(NOW);

        assertThat(cancelled.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(cancelled.cancelAtPeriodEnd()).isTrue();
        assertThat(cancelled.nextChargeAt()).isEqualTo(renewing.nextChargeAt());
    }

    @Test
    void cancel_whilePastDue_endsNow() {
        assertThat(atPeriod(2, SubscriptionStatus.PAST_DUE).cancel(NOW).status()).isEqualTo(SubscriptionStatus.CANCELLED);
    }

    @Test
    void cancelNow_isNeverDueAgain() {
        Subscription ended = atPeriod(3, SubscriptionStatus.ACTIVE).cancelNow(NOW);

        assertThat(ended.status().isBillable()).isFalse();
        assertThat(ended.nextChargeAt()).isNull();
    }

    @Test
    void monthlyPeriods_followTheAnchor_notThePreviousDate() {
        BillingInterval monthly = BillingInterval.months(1);
        Instant jan31 = Instant.parse("2026-01-30T15:00:00Z"); // 2026-01-31 00:00 in Seoul

        assertThat(monthly.periodStart(jan31, 1)).isEqualTo(Instant.parse("2026-02-27T15:00:00Z")); // Feb 28
        assertThat(monthly.periodStart(jan31, 2)).isEqualTo(Instant.parse("2026-03-30T15:00:00Z")); // Mar 31
        assertThat(monthly.periodStart(Instant.parse("2028-01-30T15:00:00Z"), 1))
                .isEqualTo(Instant.parse("2028-02-28T15:00:00Z")); // leap year: Feb 29
    }

    @Test
    void pause_stopsCharging_resumeBeforeTheNextPeriod_keepsItsDate() {
        Subscription active = atPeriod(1, SubscriptionStatus.ACTIVE);

        Subscription paused = active.pause(NOW.plusSeconds(60));
        Subscription resumed = paused.resume(NOW.plusSeconds(120));

        assertThat(paused.status()).isEqualTo(SubscriptionStatus.PAUSED);
        assertThat(paused.nextChargeAt()).isNull();
        assertThat(paused.isDue(NOW.plusSeconds(86400L * 400))).isFalse();
        assertThat(resumed.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(resumed.period()).isEqualTo(1);
        assertThat(resumed.nextChargeAt()).isEqualTo(active.nextChargeAt());
    }

    @Test
    void resume_afterPeriodsStartedWhilePaused_skipsThem_andChargesOnTheNextAnchorDate() {
        Subscription paused = atPeriod(1, SubscriptionStatus.ACTIVE).pause(NOW);
        Instant resumedAt = Instant.parse("2026-06-15T00:00:00Z");

        Subscription resumed = paused.resume(resumedAt);

        // anchor 2026-03-01 09:00 KST: periods 1-3 (April, May, June 1st) started while paused; July 1st is next
        assertThat(resumed.period()).isEqualTo(4);
        assertThat(resumed.nextChargeAt()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(resumed.periodAttempts()).isZero();
    }

    @Test
    void pause_refusesAnythingButAnActiveSubscriptionWithoutAnOpenAttempt_andResumeRefusesAnActiveOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> atPeriod(1, SubscriptionStatus.PAST_DUE).pause(NOW))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> atPeriod(1, SubscriptionStatus.ACTIVE).attemptStarted(NOW)
                .pause(NOW)).isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> atPeriod(1, SubscriptionStatus.ACTIVE).resume(NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThat(atPeriod(1, SubscriptionStatus.ACTIVE).pause(NOW).cancel(NOW).status()).isEqualTo(SubscriptionStatus.CANCELLED);
    }

    @Test
    void paidThrough_isTheNextPeriodsStart_andNullBeforeAnyCharge() {
        assertThat(fresh().paidThrough()).isNull();
        assertThat(atPeriod(2, SubscriptionStatus.ACTIVE).paidPeriodStart()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(atPeriod(2, SubscriptionStatus.ACTIVE).paidThrough()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    }

    private static Subscription fresh() {
        return Subscription.start("sub_1", "cust", "cuid", "plan", "Plan", 9900, BillingInterval.months(1), NOW, NOW);
    }

    private static Subscription atPeriod(int period, SubscriptionStatus status) {
        Subscription s = fresh();
        return new Subscription(s.id(), s.customerId(), s.customerUid(), s.planId(), s.name(), s.amount(), s.currency(),
                s.interval(), s.anchorAt(), period, s.interval().periodStart(s.anchorAt(), period), status, 0, false,
                s.createdAt(), NOW, 3);
    }
}
