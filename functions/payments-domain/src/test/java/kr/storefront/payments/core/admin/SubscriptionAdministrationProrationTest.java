package kr.storefront.payments.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import org.junit.jupiter.api.Test;

/** {@link SubscriptionAdministration#prorated}: the unused share of the current period's charge, in whole won. */
class SubscriptionAdministrationProrationTest {

    private static final Instant ANCHOR = Instant.parse("2026-10-31T15:00:00Z"); // 2026-11-01 00:00 in Seoul

    /** In its second period (paid 2026-12-01 to 2027-01-01 Seoul, 31 days), its charge of {@code amount} paid. */
    private static Subscription inSecondPeriod(BillingInterval interval, long amount) {
        Subscription s = Subscription.start("sub_p", "cust", "cuid", "plan", "Plan", amount, interval, ANCHOR, ANCHOR);
        return new Subscription(s.id(), s.customerId(), s.customerUid(), s.planId(), s.name(), s.amount(), s.currency(),
                s.interval(), s.anchorAt(), 2, s.interval().periodStart(s.anchorAt(), 2), SubscriptionStatus.ACTIVE, 0, false,
                s.createdAt(), ANCHOR, 1);
    }

    private static Order charge(long amount, long refundedAlready) {
        Instant paidAt = ANCHOR.plus(Duration.ofDays(30));
        Order paid = Order.pending("sub_p_p1_a1", OrderKind.SUBSCRIPTION_CHARGE, "cust", "Plan", amount, Pg.TOSSPAYMENTS, "card", List.of(),
                null, null, paidAt).transitionTo(OrderStatus.PAID, "imp_100000000001", null, null, null, paidAt);
        return refundedAlready == 0 ? paid : paid.withRefundsReported(refundedAlready, List.of(), paidAt);
    }

    @Test
    void theUnusedShareOfThePeriod_roundedDownToTheWon() {
        Subscription subscription = inSecondPeriod(BillingInterval.months(1), 31_000);
        Instant start = subscription.paidPeriodStart();
        assertThat(Duration.between(start, subscription.paidThrough())).isEqualTo(Duration.ofDays(31));

        assertThat(SubscriptionAdministration.prorated(subscription, charge(31_000, 0), start)).isEqualTo(31_000);
        assertThat(SubscriptionAdministration.prorated(subscription, charge(31_000, 0), start.plus(Duration.ofDays(10))))
                .isEqualTo(21_000);
        // 10,000 won × 30.5 / 31 days = 9,838.7…: down to 9,838, never rounded up to more than is owed
        assertThat(SubscriptionAdministration.prorated(inSecondPeriod(BillingInterval.months(1), 10_000), charge(10_000, 0),
                start.plus(Duration.ofHours(12)))).isEqualTo(9_838);
    }

    @Test
    void atOrAfterThePeriodsEnd_nothing_andBeforeItsStart_atMostTheCharge() {
        Subscription subscription = inSecondPeriod(BillingInterval.months(1), 31_000);

        assertThat(SubscriptionAdministration.prorated(subscription, charge(31_000, 0), subscription.paidThrough())).isZero();
        assertThat(SubscriptionAdministration.prorated(subscription, charge(31_000, 0),
                subscription.paidThrough().plus(Duration.ofDays(3)))).isZero();
        assertThat(SubscriptionAdministration.prorated(subscription, charge(31_000, 0),
                subscription.paidPeriodStart().minus(Duration.ofDays(3)))).isEqualTo(31_000);
    }

    @Test
    void neverMoreThanWhatIsLeftOfTheOrder() {
        Subscription subscription = inSecondPeriod(BillingInterval.months(1), 31_000);

        assertThat(SubscriptionAdministration.prorated(subscription, charge(31_000, 25_000),
                subscription.paidPeriodStart().plus(Duration.ofDays(10)))).isEqualTo(6_000);
    }

    @Test
    void aLargeChargeOverALongPeriod_doesNotOverflow() {
        // 10^10 won × ~3.2·10^10 ms overflows a long product; the share stays exact
        Subscription yearly = inSecondPeriod(BillingInterval.months(12), 10_000_000_000L);
        Instant half = yearly.paidPeriodStart().plus(Duration.between(yearly.paidPeriodStart(), yearly.paidThrough()).dividedBy(2));

        assertThat(SubscriptionAdministration.prorated(yearly, charge(10_000_000_000L, 0), half)).isEqualTo(5_000_000_000L);
    }
}
