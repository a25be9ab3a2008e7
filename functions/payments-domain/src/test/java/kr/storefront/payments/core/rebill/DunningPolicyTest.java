package kr.storefront.payments.core.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import org.junit.jupiter.api.Test;

class DunningPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<Duration> SCHEDULE = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));

    @Test
    void afterDecline_walksTheSchedule_fromEachDecline() {
        DunningPolicy policy = new DunningPolicy(SCHEDULE, RebillConfiguration.AfterDunning.PAST_DUE);
        Subscription subscription = open(fresh());

        Subscription first = policy.afterDecline(subscription, NOW);
        Subscription second = policy.afterDecline(open(first), NOW.plus(Duration.ofDays(1)));
        Subscription third = policy.afterDecline(open(second), NOW.plus(Duration.ofDays(4)));

        assertThat(first.nextChargeAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(second.nextChargeAt()).isEqualTo(NOW.plus(Duration.ofDays(4)));
        assertThat(third.nextChargeAt()).isEqualTo(NOW.plus(Duration.ofDays(11)));
        assertThat(third.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(third.failedAttempts()).isEqualTo(3);
    }

    @Test
    void afterDecline_scheduleUsedUp_pastDuePolicy_stopsChargingWithoutCancelling() {
        DunningPolicy policy = new DunningPolicy(List.of(Duration.ofDays(1)), RebillConfiguration.AfterDunning.PAST_DUE);
        Subscription retried = open(policy.afterDecline(open(fresh()), NOW));

        Subscription exhausted = policy.afterDecline(retried, NOW);

        assertThat(exhausted.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(exhausted.nextChargeAt()).isNull();
        assertThat(exhausted.failedAttempts()).isEqualTo(2);
        assertThat(exhausted.attemptOpen()).isFalse();
    }

    @Test
    void afterDecline_scheduleUsedUp_cancelPolicy_endsTheSubscription() {
        DunningPolicy policy = new DunningPolicy(List.of(Duration.ofDays(1)), RebillConfiguration.AfterDunning.CANCEL);
        Subscription retried = open(policy.afterDecline(open(fresh()), NOW));

        Subscription exhausted = policy.afterDecline(retried, NOW);

        assertThat(exhausted.status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(exhausted.nextChargeAt()).isNull();
        assertThat(exhausted.attemptOpen()).isFalse();
    }

    private static Subscription open(Subscription subscription) {
        return subscription.attemptStarted(NOW);
    }

    private static Subscription fresh() {
        return Subscription.start("sub_1", "cust", "cuid", "plan", "Plan", 9900, BillingInterval.months(1), NOW, NOW);
    }
}
