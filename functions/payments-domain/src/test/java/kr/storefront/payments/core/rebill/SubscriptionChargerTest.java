package kr.storefront.payments.core.rebill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import kr.storefront.payments.core.iamport.BillingKeyCharge;
import kr.storefront.payments.core.rebill.RunTally.Outcome;
import kr.storefront.payments.core.store.StoreUnavailableException;
import kr.storefront.payments.core.testing.FakeIamportGateway.Answer;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One due subscription: charged only through the begin write, or ended / suspended / skipped instead. */
class SubscriptionChargerTest {

    private static final Instant NOW = RebillFixture.START;

    private final RebillFixture rebill = new RebillFixture();

    @Test
    void due_beginsAttemptAndOrder_thenChargesTheKey_withWhatTheSubscriptionStores() {
        Subscription due = rebill.subscribe("sub_due", NOW);

        assertThat(rebill.charger.charge(due, NOW)).isEqualTo(Outcome.CHARGED);

        BillingKeyCharge sent = rebill.iamport.requests(BillingKeyCharge.class).get(0);
        assertThat(sent.customerUid()).isEqualTo("cuid_sub_due");
        assertThat(sent.merchantUid()).isEqualTo("sub_due_p0_a1");
        assertThat(sent.amount()).isEqualTo(RebillFixture.AMOUNT);
        assertThat(sent.name()).isEqualTo(RebillFixture.PLAN_NAME);
        ChargeAttempt begun = rebill.stores.chargeAttempts().writes().get(0);
        assertThat(begun.state()).isEqualTo(ChargeAttemptState.IN_FLIGHT);
        assertThat(begun.merchantUid()).isEqualTo("sub_due_p0_a1");
        Order order = rebill.stores.orders().writes().get(0);
        assertThat(order.kind()).isEqualTo(OrderKind.SUBSCRIPTION_CHARGE);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.amount()).isEqualTo(RebillFixture.AMOUNT);
        assertThat(order.name()).isEqualTo(RebillFixture.PLAN_NAME);
        assertThat(order.pg()).isEqualTo(Pg.TOSSPAYMENTS);
        assertThat(order.payMethod()).isEqualTo("card");
        assertThat(order.subscriptionId()).isEqualTo("sub_due");
        assertThat(order.customerUid()).isEqualTo("cuid_sub_due");
        assertThat(rebill.stores.subscriptions().writes().get(0).attemptOpen()).isTrue();
    }

    @Test
    void crashAfterTheBeginWrite_leavesTheAttemptInFlight_andTheSubscriptionBlocked() {
        Subscription due = rebill.subscribe("sub_crash", NOW);
        rebill.iamport.next(Operation.CHARGE_BILLING_KEY, Answer.throwing(new IllegalStateException("the run died")));

        assertThatThrownBy(() -> rebill.charger.charge(due, NOW)).hasMessage("the run died");

        assertThat(rebill.onlyAttempt("sub_crash", 0).state()).isEqualTo(ChargeAttemptState.IN_FLIGHT);
        assertThat(rebill.subscription("sub_crash").isDue(NOW)).isFalse();
        assertThat(rebill.order("sub_crash_p0_a1").status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void beginWriteFailing_sendsNothing() {
        Subscription due = rebill.subscribe("sub_nobegin", NOW);
        rebill.stores.ledger().faults().failNextCall("begin");

        assertThatThrownBy(() -> rebill.charger.charge(due, NOW)).isInstanceOf(StoreUnavailableException.class);

        assertThat(rebill.iamport.calls(Operation.CHARGE_BILLING_KEY)).isEmpty();
        assertThat(rebill.subscription("sub_nobegin").isDue(NOW)).isTrue();
    }

    @Test
    void notDueAtTheRunsTime_isSkipped() {
        Subscription tomorrow = rebill.subscribe("sub_later", NOW.plus(Duration.ofDays(1)));

        assertThat(rebill.charger.charge(tomorrow, NOW)).isEqualTo(Outcome.SKIPPED);

        assertThat(rebill.iamport.calls()).isEmpty();
    }

    @Test
    void attemptAlreadyInFlight_isSkipped_withoutCharging() {
        Subscription due = rebill.subscribe("sub_inflight", NOW);
        Subscription open = rebill.begin(due).subscription();

        assertThat(rebill.charger.charge(open, NOW)).isEqualTo(Outcome.SKIPPED);
        // the due index's copy from before the other run began: the begin write loses, the re-read shows it not due
        assertThat(rebill.charger.charge(due, NOW)).isEqualTo(Outcome.SKIPPED);

        assertThat(rebill.iamport.calls(Operation.CHARGE_BILLING_KEY)).isEmpty();
        assertThat(rebill.attempts("sub_inflight", 0)).hasSize(1);
    }

    @Test
    void staleIndexCopyOfAStillDueSubscription_isReRead_andChargedOnTheStoredVersion() {
        Subscription indexed = rebill.subscribe("sub_stale", NOW);
        // changed since the index was read, still due (a new billing key attached, say)
        rebill.stores.subscriptions().update(indexed);

        assertThat(rebill.charger.charge(indexed, NOW)).isEqualTo(Outcome.CHARGED);

        assertThat(rebill.charged()).containsExactly("sub_stale_p0_a1");
        assertThat(rebill.subscription("sub_stale").period()).isEqualTo(1);
    }

    @Test
    void beginLostWithTheSubscriptionUnchanged_anotherWriterHoldsTheAttempt_isSkipped() {
        Subscription due = rebill.subscribe("sub_taken", NOW);
        rebill.stores.orders().seed(Order.pending("sub_taken_p0_a1", OrderKind.SUBSCRIPTION_CHARGE, due.customerId(), due.name(),
                due.amount(), Pg.TOSSPAYMENTS, "card", List.of(), due.customerUid(), due.id(), NOW));

        assertThat(rebill.charger.charge(due, NOW)).isEqualTo(Outcome.SKIPPED);

        assertThat(rebill.iamport.calls()).isEmpty();
        assertThat(rebill.attempts("sub_taken", 0)).isEmpty();
    }

    @Test
    void beginLostTwice_onTheStaleCopyAndOnTheStoredOne_isSkipped() {
        Subscription indexed = rebill.subscribe("sub_twice", NOW);
        rebill.stores.subscriptions().update(indexed);
        rebill.stores.orders().seed(Order.pending("sub_twice_p0_a1", OrderKind.ONE_TIME, null, "taken", 1000, Pg.TOSSPAYMENTS,
                "card", List.of(), null, null, NOW));

        assertThat(rebill.charger.charge(indexed, NOW)).isEqualTo(Outcome.SKIPPED);

        assertThat(rebill.iamport.calls()).isEmpty();
    }

    @Test
    void setToCancelAfterTheIndexWasRead_isNotCharged() {
        Subscription indexed = rebill.subscribe("sub_cancelling", NOW);
        Subscription dueAgain = rebill.stores.subscriptions().seed(indexed.periodPaid(NOW));
        rebill.clock.set(dueAgain.nextChargeAt());
        rebill.stores.subscriptions().update(dueAgain.cancel(rebill.clock.instant()));

        assertThat(rebill.charger.charge(dueAgain, rebill.clock.instant())).isEqualTo(Outcome.SKIPPED);

        assertThat(rebill.iamport.calls()).isEmpty();
        assertThat(rebill.subscription("sub_cancelling").cancelAtPeriodEnd()).isTrue();
    }

    @Test
    void subscriptionGoneSinceTheIndexWasRead_isSkipped() {
        Subscription indexed = rebill.subscribe("sub_gone", NOW);
        RebillFixture other = new RebillFixture();
        other.stores.billingKeys().seed(rebill.stores.billingKeys().all().get(0));

        assertThat(other.charger.charge(indexed, NOW)).isEqualTo(Outcome.SKIPPED);

        assertThat(other.iamport.calls()).isEmpty();
    }

    @Test
    void cancelAtPeriodEnd_endsTheSubscription_withoutCharging() {
        Subscription paid = rebill.stores.subscriptions().seed(rebill.subscribe("sub_ending", NOW).periodPaid(NOW));
        Subscription ending = rebill.stores.subscriptions().seed(paid.cancel(NOW));
        rebill.clock.set(ending.nextChargeAt());

        assertThat(rebill.charger.charge(ending, rebill.clock.instant())).isEqualTo(Outcome.ENDED);

        assertThat(rebill.iamport.calls()).isEmpty();
        Subscription ended = rebill.subscription("sub_ending");
        assertThat(ended.status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(ended.nextChargeAt()).isNull();
        assertThat(ended.period()).isEqualTo(1);
    }

    @Test
    void billingKeyDeleted_cancelsTheSubscription_withoutCharging() {
        Subscription due = rebill.subscribe("sub_keydeleted", NOW);
        setKeyStatus(BillingKeyStatus.DELETED);

        assertThat(rebill.charger.charge(due, NOW)).isEqualTo(Outcome.ENDED);

        assertThat(rebill.iamport.calls()).isEmpty();
        assertThat(rebill.subscription("sub_keydeleted").status()).isEqualTo(SubscriptionStatus.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(value = BillingKeyStatus.class, names = {"PENDING", "FAILED"})
    void billingKeyNotActive_suspendsTheSubscription_pastDueWithoutANextCharge(BillingKeyStatus status) {
        Subscription due = rebill.subscribe("sub_keyinactive", NOW);
        setKeyStatus(status);

        assertThat(rebill.charger.charge(due, NOW)).isEqualTo(Outcome.ENDED);

        assertThat(rebill.iamport.calls()).isEmpty();
        Subscription suspended = rebill.subscription("sub_keyinactive");
        assertThat(suspended.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(suspended.nextChargeAt()).isNull();
    }

    @Test
    void billingKeyMissing_suspendsTheSubscription() {
        Subscription due = rebill.subscribe("sub_nokey", NOW);
        RebillFixture other = new RebillFixture();
        other.stores.subscriptions().seed(due);

        assertThat(other.charger.charge(due, NOW)).isEqualTo(Outcome.ENDED);

        assertThat(other.iamport.calls()).isEmpty();
        assertThat(other.subscription("sub_nokey").status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(other.subscription("sub_nokey").nextChargeAt()).isNull();
    }

    @Test
    void endingAStaleCopy_losesToTheNewerWrite_andIsSkipped() {
        Subscription indexed = rebill.subscribe("sub_endstale", NOW);
        setKeyStatus(BillingKeyStatus.FAILED);
        Subscription newer = rebill.stores.subscriptions().update(indexed).current().orElseThrow();

        assertThat(rebill.charger.charge(indexed, NOW)).isEqualTo(Outcome.SKIPPED);

        assertThat(rebill.subscription("sub_endstale")).isEqualTo(newer);
    }

    private void setKeyStatus(BillingKeyStatus status) {
        BillingKey key = rebill.stores.billingKeys().all().get(0);
        rebill.stores.billingKeys().seed(new BillingKey(key.customerId(), key.customerUid(), key.pg(), null, status, null,
                key.createdAt(), NOW, key.version()));
    }
}
