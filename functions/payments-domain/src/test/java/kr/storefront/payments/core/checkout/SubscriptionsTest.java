package kr.storefront.payments.core.checkout;

import static kr.storefront.payments.core.checkout.CheckoutFixture.MONTHLY;
import static kr.storefront.payments.core.checkout.CheckoutFixture.MONTHLY_AMOUNT;
import static kr.storefront.payments.core.checkout.CheckoutFixture.NOW;
import static kr.storefront.payments.core.checkout.CheckoutFixture.RETIRED_PLAN;
import static kr.storefront.payments.core.checkout.CheckoutFixture.WEEKLY;
import static kr.storefront.payments.core.checkout.CheckoutFixture.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.ResourceNotFoundException;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import kr.storefront.payments.core.idempotency.IdempotencyKeyReusedException;
import kr.storefront.payments.core.testing.IamportPaymentBuilder;
import org.junit.jupiter.api.Test;

/**
 * Subscribing: plan and key checks, {@code first_charge_at}, idempotency, and kakaopay's first period paid in the
 * billing-key window (docs/rebill.md, "kakaopay's first period"); cancelling and listing.
 */
class SubscriptionsTest {

    private static final String CUSTOMER = "customer-1";
    private static final String KEY = "cuid_1";
    private static final String WINDOW = "ord_window";
    /** When the kakaopay window was confirmed: its paid period runs a month from then. */
    private static final Instant WINDOW_PAID_AT = NOW.minus(Duration.ofDays(3));

    private final CheckoutFixture fixture = new CheckoutFixture();

    // ---- plan, key and date checks

    @Test
    void subscribing_now_copiesThePlansTerms_andIsDueAtOnce() {
        activeKey(KEY);

        Subscription subscription = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, null);

        assertThat(subscription.id()).startsWith("sub_").hasSize(20);
        assertThat(subscription.customerId()).isEqualTo(CUSTOMER);
        assertThat(subscription.customerUid()).isEqualTo(KEY);
        assertThat(subscription.planId()).isEqualTo(MONTHLY);
        assertThat(subscription.name()).isEqualTo("Monthly coffee");
        assertThat(subscription.amount()).isEqualTo(MONTHLY_AMOUNT);
        assertThat(subscription.interval()).isEqualTo(BillingInterval.months(1));
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.period()).isZero();
        assertThat(subscription.anchorAt()).isEqualTo(NOW);
        assertThat(subscription.nextChargeAt()).isEqualTo(NOW);
        assertThat(fixture.stores.subscriptions().all()).containsExactly(subscription);
        assertThat(fixture.stores.chargeAttempts().all()).isEmpty();
    }

    @Test
    void firstChargeAt_inTheComingYear_anchorsTheSubscription() {
        activeKey(KEY);
        Instant inAYear = NOW.plus(Subscriptions.MAX_FIRST_CHARGE_DELAY);

        Subscription subscription = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, inAYear, null);

        assertThat(subscription.anchorAt()).isEqualTo(inAYear);
        assertThat(subscription.nextChargeAt()).isEqualTo(inAYear);
    }

    @Test
    void firstChargeAt_aLittleInThePast_isNow() {
        activeKey(KEY);

        Subscription subscription = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY,
                NOW.minus(Subscriptions.PAST_TOLERANCE), null);

        assertThat(subscription.anchorAt()).isEqualTo(NOW);
    }

    @Test
    void firstChargeAt_furtherInThePast_orBeyondAYear_isRefused() {
        activeKey(KEY);

        for (Instant refused : List.of(NOW.minus(Subscriptions.PAST_TOLERANCE).minusSeconds(1),
                NOW.plus(Subscriptions.MAX_FIRST_CHARGE_DELAY).plusSeconds(1))) {
            assertThatThrownBy(() -> fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, refused, null)).as(refused.toString())
                    .isInstanceOf(InvalidRequestException.class).hasMessage("first_charge_at: must be between now and one year from now");
        }
        assertThat(fixture.stores.subscriptions().all()).isEmpty();
    }

    @Test
    void aRetiredOrUnknownPlan_isRefused() {
        activeKey(KEY);

        for (String plan : List.of(RETIRED_PLAN, "no-such-plan")) {
            assertThatThrownBy(() -> fixture.subscriptions().subscribe(CUSTOMER, plan, KEY, null, null)).as(plan)
                    .isInstanceOf(InvalidRequestException.class).hasMessage("plan_id: no active plan with this id");
        }
        assertThat(fixture.stores.subscriptions().all()).isEmpty();
    }

    @Test
    void anotherCustomersKey_orAnUnknownOne_isNotOneOfYours() {
        activeKey(KEY);

        assertThatThrownBy(() -> fixture.subscriptions().subscribe("customer-2", MONTHLY, KEY, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("customer_uid: not one of your billing keys");
        assertThatThrownBy(() -> fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, "cuid_nope", null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("customer_uid: not one of your billing keys");
        assertThat(fixture.stores.subscriptions().all()).isEmpty();
    }

    @Test
    void onlyAnActiveKey_canBeSubscribed() {
        BillingKey pending = BillingKey.pending(CUSTOMER, "cuid_pending", Pg.TOSSPAYMENTS, NOW);
        fixture.stores.billingKeys().seed(pending);
        fixture.stores.billingKeys().seed(BillingKey.pending(CUSTOMER, "cuid_failed", Pg.TOSSPAYMENTS, NOW)
                .transitionTo(BillingKeyStatus.FAILED, null, NOW));
        fixture.stores.billingKeys().seed(BillingKey.pending(CUSTOMER, "cuid_deleted", Pg.TOSSPAYMENTS, NOW)
                .transitionTo(BillingKeyStatus.DELETED, null, NOW));

        for (String status : List.of("pending", "failed", "deleted")) {
            assertThatThrownBy(() -> fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, "cuid_" + status, null, null)).as(status)
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("customer_uid: billing key is " + status + "; only active keys can be charged");
        }
        assertThat(fixture.stores.subscriptions().all()).isEmpty();
    }

    // ---- idempotency

    @Test
    void aRetryWithTheSameKeyAndBody_returnsTheSameSubscription() {
        activeKey(KEY);

        Subscription first = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, "k1");
        fixture.clock.advance(Duration.ofMinutes(1));
        Subscription retry = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, "k1");

        assertThat(retry).isEqualTo(first);
        assertThat(fixture.stores.subscriptions().all()).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBody_isRefused() {
        activeKey(KEY);
        fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, "k1");

        assertThatThrownBy(() -> fixture.subscriptions().subscribe(CUSTOMER, WEEKLY, KEY, null, "k1"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, NOW.plus(Duration.ofDays(1)), "k1"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(fixture.stores.subscriptions().all()).hasSize(1);
    }

    @Test
    void withoutAKey_everyRequestIsANewSubscription() {
        activeKey(KEY);

        fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, null);
        fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, null);

        assertThat(fixture.stores.subscriptions().all()).hasSize(2);
    }

    // ---- kakaopay's first period, paid in the billing-key window

    @Test
    void theFirstSubscriptionToThePlanPaidInTheWindow_takesThatPaymentAsPeriod0() {
        Order window = paidKakaopayWindow(MONTHLY, MONTHLY_AMOUNT);

        Subscription subscription = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, null);

        assertThat(subscription.anchorAt()).isEqualTo(WINDOW_PAID_AT);
        assertThat(subscription.period()).as("rebill's first charge is period 1").isEqualTo(1);
        assertThat(subscription.nextChargeAt()).isEqualTo(BillingInterval.months(1).periodStart(WINDOW_PAID_AT, 1));
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(fixture.stores.subscriptions().all()).containsExactly(subscription);
        assertThat(fixture.stores.chargeAttempts().all()).singleElement().satisfies(attempt -> {
            assertThat(attempt.subscriptionId()).isEqualTo(subscription.id());
            assertThat(attempt.period()).isZero();
            assertThat(attempt.state()).isEqualTo(ChargeAttemptState.PAID);
            assertThat(attempt.merchantUid()).isEqualTo(WINDOW);
            assertThat(attempt.impUid()).isEqualTo(window.impUid());
            assertThat(attempt.amount()).isEqualTo(MONTHLY_AMOUNT);
        });
        assertThat(fixture.stores.orders().find(WINDOW)).get().extracting(Order::subscriptionId).isEqualTo(subscription.id());
    }

    @Test
    void whileThePaymentIsUnclaimed_anotherPlanOnThatKey_isRefused() {
        paidKakaopayWindow(MONTHLY, MONTHLY_AMOUNT);

        assertRefusedOn(() -> fixture.subscriptions().subscribe(CUSTOMER, WEEKLY, KEY, null, null), "plan_id");
        assertNoSubscriptionStarted();
    }

    @Test
    void whileThePaymentIsUnclaimed_firstChargeAt_isRefused() {
        paidKakaopayWindow(MONTHLY, MONTHLY_AMOUNT);

        assertRefusedOn(() -> fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, NOW.plus(Duration.ofDays(1)), null),
                "first_charge_at");
        assertNoSubscriptionStarted();
    }

    @Test
    void aSecondSubscription_afterThePaymentWasClaimed_startsAsAnyOther() {
        paidKakaopayWindow(MONTHLY, MONTHLY_AMOUNT);
        Subscription first = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, null);

        Subscription second = fixture.subscriptions().subscribe(CUSTOMER, WEEKLY, KEY, NOW.plus(Duration.ofDays(1)), null);

        assertThat(second.period()).isZero();
        assertThat(second.anchorAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(fixture.stores.orders().find(WINDOW)).get().extracting(Order::subscriptionId).isEqualTo(first.id());
        assertThat(fixture.stores.chargeAttempts().all()).hasSize(1);
    }

    @Test
    void afterThePaidPeriodPassedUnclaimed_aSubscriptionToThatPlan_startsAsAnyOther() {
        paidKakaopayWindow(MONTHLY, MONTHLY_AMOUNT);
        fixture.clock.set(BillingInterval.months(1).periodStart(WINDOW_PAID_AT, 1));

        Subscription subscription = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, null);

        assertThat(subscription.period()).isZero();
        assertThat(subscription.anchorAt()).isEqualTo(fixture.clock.instant());
        assertThat(fixture.stores.orders().find(WINDOW)).get().extracting(Order::subscriptionId).isNull();
        assertThat(fixture.stores.chargeAttempts().all()).isEmpty();
    }

    /** The window's own plan sets when its paid period ends, whichever plan is asked for: no key is blocked for good. */
    @Test
    void afterThePaidPeriodPassedUnclaimed_anotherPlanOnThatKey_startsAsAnyOther() {
        paidKakaopayWindow(MONTHLY, MONTHLY_AMOUNT);
        fixture.clock.set(BillingInterval.months(1).periodStart(WINDOW_PAID_AT, 1).minusSeconds(1));
        assertRefusedOn(() -> fixture.subscriptions().subscribe(CUSTOMER, WEEKLY, KEY, null, null), "plan_id");
        fixture.clock.set(BillingInterval.months(1).periodStart(WINDOW_PAID_AT, 1));

        Subscription subscription = fixture.subscriptions().subscribe(CUSTOMER, WEEKLY, KEY, null, null);

        assertThat(subscription.planId()).isEqualTo(WEEKLY);
        assertThat(subscription.period()).isZero();
        assertThat(subscription.anchorAt()).isEqualTo(fixture.clock.instant());
        assertThat(fixture.stores.orders().find(WINDOW)).get().extracting(Order::subscriptionId).isNull();
        assertThat(fixture.stores.chargeAttempts().all()).isEmpty();
    }

    @Test
    void aWindowThatChargedNothing_orWasNotPaid_leavesNothingToClaim() {
        paidKakaopayWindow(MONTHLY, MONTHLY_AMOUNT);
        Order window = fixture.stores.orders().find(WINDOW).orElseThrow();
        fixture.stores.orders().seed(Order.pending(WINDOW, OrderKind.BILLING_KEY_ISSUE, CUSTOMER, "Monthly coffee", MONTHLY_AMOUNT,
                Pg.KAKAOPAY, null, List.of(), KEY, null, NOW).forPlan(MONTHLY)
                .transitionTo(OrderStatus.FAILED, "imp_window", null, null, "cancelled by the buyer", NOW));
        assertThat(fixture.subscriptions().subscribe(CUSTOMER, WEEKLY, KEY, NOW.plus(Duration.ofDays(1)), null).period()).isZero();

        fixture.stores.orders().seed(new Order(WINDOW, OrderKind.BILLING_KEY_ISSUE, CUSTOMER, "결제수단 등록", 0, "KRW", Pg.KAKAOPAY,
                null, List.of(), OrderStatus.PAID, "imp_window", KEY, null, null, null, null, null, NOW, WINDOW_PAID_AT,
                window.version()));
        assertThat(fixture.subscriptions().subscribe(CUSTOMER, WEEKLY, KEY, NOW.plus(Duration.ofDays(1)), null).period()).isZero();
        assertThat(fixture.stores.chargeAttempts().all()).isEmpty();
    }

    @Test
    void aPaymentClaimedByAnotherSubscriptionMeanwhile_letsThisOneStartAsAnyOther() {
        paidKakaopayWindow(MONTHLY, MONTHLY_AMOUNT);
        // between our read of the window and our claim, a concurrent subscription claims it
        fixture.beforeIdempotencyClaim(record -> fixture.stores.orders().update(fixture.stores.orders().find(WINDOW).orElseThrow()
                .claimedAsFirstPeriodOf("sub_concurrent", NOW)));

        Subscription subscription = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, "k1");

        assertThat(subscription.period()).isZero();
        assertThat(subscription.anchorAt()).isEqualTo(NOW);
        assertThat(fixture.stores.orders().find(WINDOW)).get().extracting(Order::subscriptionId).isEqualTo("sub_concurrent");
        assertThat(fixture.stores.chargeAttempts().all()).isEmpty();
    }

    @Test
    void aConcurrentRetryThatClaimedThePaymentFirst_isFound_notDuplicated() {
        paidKakaopayWindow(MONTHLY, MONTHLY_AMOUNT);
        // the retry of this very request (same key, so the same subscription id) claims the window just before us
        fixture.beforeIdempotencyClaim(record -> {
            Order window = fixture.stores.orders().find(WINDOW).orElseThrow();
            Subscription retried = Subscription.startWithFirstPeriodPaid(record.resourceId(), CUSTOMER, KEY, MONTHLY,
                    "Monthly coffee", MONTHLY_AMOUNT, BillingInterval.months(1), window.updatedAt(), NOW);
            fixture.stores.ledger().startPaidByWindow(retried, ChargeAttempt.paidByWindow(retried, window, NOW),
                    window.claimedAsFirstPeriodOf(retried.id(), NOW));
        });

        Subscription subscription = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, "k1");

        assertThat(fixture.stores.subscriptions().all()).containsExactly(subscription);
        assertThat(subscription.period()).isEqualTo(1);
        assertThat(fixture.stores.chargeAttempts().all()).hasSize(1);
    }

    // ---- cancel and list

    @Test
    void cancellingASubscriptionNeverCharged_endsItNow() {
        activeKey(KEY);
        Subscription subscription = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, NOW.plus(Duration.ofDays(10)), null);

        Subscription cancelled = fixture.subscriptions().cancel(CUSTOMER, subscription.id());

        assertThat(cancelled.status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(cancelled.nextChargeAt()).isNull();
        assertThat(fixture.stores.subscriptions().find(CUSTOMER, subscription.id())).contains(cancelled);
    }

    @Test
    void cancellingAPaidPeriod_runsToItsEnd_andCancellingAgainWritesNothing() {
        paidKakaopayWindow(MONTHLY, MONTHLY_AMOUNT);
        Subscription subscription = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, null);

        Subscription cancelled = fixture.subscriptions().cancel(CUSTOMER, subscription.id());
        int writes = fixture.stores.subscriptions().writes().size();
        Subscription again = fixture.subscriptions().cancel(CUSTOMER, subscription.id());

        assertThat(cancelled.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(cancelled.cancelAtPeriodEnd()).isTrue();
        assertThat(again).isEqualTo(cancelled);
        assertThat(fixture.stores.subscriptions().writes()).hasSize(writes);
    }

    @Test
    void cancellingAnotherCustomersSubscription_orAnUnknownOne_isNotFound() {
        activeKey(KEY);
        Subscription subscription = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, null);

        assertThatThrownBy(() -> fixture.subscriptions().cancel("customer-2", subscription.id()))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fixture.subscriptions().cancel(CUSTOMER, "sub_nope")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(fixture.stores.subscriptions().find(CUSTOMER, subscription.id())).contains(subscription);
    }

    @Test
    void list_isTheCustomersSubscriptionsOnly() {
        activeKey(KEY);
        Subscription mine = fixture.subscriptions().subscribe(CUSTOMER, MONTHLY, KEY, null, null);

        assertThat(fixture.subscriptions().list(CUSTOMER, null, 10).items()).containsExactly(mine);
        assertThat(fixture.subscriptions().list("customer-2", null, 10).items()).isEmpty();
    }

    private void activeKey(String customerUid) {
        fixture.stores.billingKeys().seed(BillingKey.pending(CUSTOMER, customerUid, Pg.TOSSPAYMENTS, NOW)
                .transitionTo(BillingKeyStatus.ACTIVE, IamportPaymentBuilder.DEFAULT_CARD, NOW));
    }

    /** A kakaopay key whose window charged {@code amount} for {@code planId}'s first period, confirmed paid 3 days ago. */
    private Order paidKakaopayWindow(String planId, long amount) {
        Instant openedAt = WINDOW_PAID_AT.minus(Duration.ofMinutes(2));
        fixture.stores.billingKeys().seed(BillingKey.pendingFromWindow(CUSTOMER, KEY, Pg.KAKAOPAY, WINDOW, openedAt)
                .transitionTo(BillingKeyStatus.ACTIVE, IamportPaymentBuilder.DEFAULT_CARD, WINDOW_PAID_AT));
        return fixture.stores.orders().seed(Order.pending(WINDOW, OrderKind.BILLING_KEY_ISSUE, CUSTOMER, "Monthly coffee", amount,
                Pg.KAKAOPAY, null, List.of(), KEY, null, openedAt).forPlan(planId)
                .transitionTo(OrderStatus.PAID, "imp_window", null, IamportPaymentBuilder.DEFAULT_CARD, null, WINDOW_PAID_AT));
    }

    private void assertNoSubscriptionStarted() {
        assertThat(fixture.stores.subscriptions().all()).isEmpty();
        assertThat(fixture.stores.chargeAttempts().all()).isEmpty();
        assertThat(fixture.stores.orders().find(WINDOW)).get().extracting(Order::subscriptionId).isNull();
    }
}
