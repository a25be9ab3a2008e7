package kr.storefront.payments.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The subscription's side of a charge attempt: open, paid, declined, released. */
class SubscriptionChargingTest {

    private static final Instant NOW = Instant.parse("2026-01-30T15:00:00Z"); // 2026-01-31 00:00 in Seoul

    @Test
    void attemptStarted_opensTheNextAttempt_andLeavesTheDueIndex() {
        Subscription open = fresh().attemptStarted(NOW);

        assertThat(open.attemptOpen()).isTrue();
        assertThat(open.periodAttempts()).isEqualTo(1);
        assertThat(open.isScheduled()).isFalse();
        assertThat(open.isDue(NOW)).isFalse();
    }

    @Test
    void attemptStarted_whileOneIsOpen_isRefused() {
        Subscription open = fresh().attemptStarted(NOW);

        assertThatThrownBy(() -> open.attemptStarted(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void attemptStarted_onACancelledSubscription_isRefused() {
        assertThatThrownBy(() -> fresh().cancelNow(NOW).attemptStarted(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void periodPaid_onJan31_schedulesFeb28_thenMar31() {
        Subscription paid = fresh().attemptStarted(NOW).periodPaid(NOW);

        assertThat(paid.period()).isEqualTo(1);
        assertThat(paid.nextChargeAt()).isEqualTo(Instant.parse("2026-02-27T15:00:00Z"));
        assertThat(paid.periodAttempts()).isZero();
        assertThat(paid.attemptOpen()).isFalse();
        assertThat(paid.attemptStarted(NOW).periodPaid(NOW).nextChargeAt()).isEqualTo(Instant.parse("2026-03-30T15:00:00Z"));
    }

    @Test
    void periodPaid_afterDeclines_isActiveAgainWithNoFailures() {
        Subscription retried = fresh().attemptStarted(NOW).declined(NOW.plusSeconds(86400), NOW).attemptStarted(NOW);

        Subscription paid = retried.periodPaid(NOW);

        assertThat(paid.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(paid.failedAttempts()).isZero();
    }

    @Test
    void periodPaid_afterTheCustomerCancelled_staysCancelled() {
        Subscription paid = fresh().attemptStarted(NOW).cancelNow(NOW).periodPaid(NOW);

        assertThat(paid.status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(paid.nextChargeAt()).isNull();
        assertThat(paid.period()).isEqualTo(1);
    }

    @Test
    void declined_isPastDue_retriedAtTheGivenTime_withTheNextAttemptNumber() {
        Instant retryAt = NOW.plusSeconds(86400);

        Subscription declined = fresh().attemptStarted(NOW).declined(retryAt, NOW);

        assertThat(declined.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(declined.nextChargeAt()).isEqualTo(retryAt);
        assertThat(declined.failedAttempts()).isEqualTo(1);
        assertThat(declined.nextAttempt()).isEqualTo(2);
        assertThat(declined.isDue(retryAt)).isTrue();
    }

    @Test
    void attemptReleased_isDueAgainAsBefore_withTheNextAttemptNumber() {
        Subscription released = fresh().attemptStarted(NOW).attemptReleased(NOW);

        assertThat(released.isDue(NOW)).isTrue();
        assertThat(released.nextAttempt()).isEqualTo(2);
        assertThat(released.failedAttempts()).isZero();
    }

    @Test
    void chargingStopped_isPastDueWithoutANextCharge() {
        Subscription stopped = fresh().attemptStarted(NOW).chargingStopped(NOW);

        assertThat(stopped.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(stopped.nextChargeAt()).isNull();
        assertThat(stopped.isScheduled()).isFalse();
    }

    @Test
    void cancel_keepsTheAttemptBookkeeping() {
        Subscription open = fresh().attemptStarted(NOW);

        Subscription cancelled = open.cancelNow(NOW);

        assertThat(cancelled.attemptOpen()).isTrue();
        assertThat(cancelled.periodAttempts()).isEqualTo(1);
    }

    private static Subscription fresh() {
        return Subscription.start("sub_1", "cust", "cuid", "plan", "Plan", 9900, BillingInterval.months(1), NOW, NOW);
    }
}
