package kr.storefront.payments.rebill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import kr.storefront.payments.core.catalog.CatalogService;
import kr.storefront.payments.core.checkout.BillingKeys;
import kr.storefront.payments.core.checkout.BillingWindowRequest;
import kr.storefront.payments.core.checkout.Buyer;
import kr.storefront.payments.core.checkout.CheckoutParams;
import kr.storefront.payments.core.checkout.Device;
import kr.storefront.payments.core.checkout.Subscriptions;
import kr.storefront.payments.core.confirm.ConfirmRequest;
import kr.storefront.payments.core.confirm.ConfirmService;
import kr.storefront.payments.core.confirm.ConfirmSource;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.testkit.iamport.Payment;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kakaopay billing-key window asked to charge the plan's first period really charges it (the guide), so
 * that payment is period 0 of the subscription made with the key: rebill's first charge is period 1, and
 * nobody is charged twice for one period (issue 15 item 1).
 */
class RebillFirstPeriodIT extends RebillTestSupport {

    private static final String PLAN = "monthly-kakao";
    private static final String OTHER_PLAN = "weekly-kakao";
    private static final long PLAN_AMOUNT = 12_900;

    private String customer;

    @BeforeEach
    void catalog() {
        CatalogService catalog = bed.context.getBean(CatalogService.class);
        catalog.upsertPlan(PLAN, "Monthly coffee", PLAN_AMOUNT, BillingInterval.months(1), true);
        catalog.upsertPlan(OTHER_PLAN, "Weekly coffee", 4_900, BillingInterval.days(7), true);
        customer = "member-" + Long.toHexString(System.nanoTime());
    }

    @Test
    void kakaopayWindowWithFirstPeriod_thenSubscribe_rebillChargesNothingForPeriod0_andPeriod1Once() {
        CheckoutParams window = paidKakaopayWindow();

        Subscription subscription = subscriptions().subscribe(customer, PLAN, window.customerUid(), null, null);

        assertThat(subscription.period()).isEqualTo(1);
        assertThat(bed.attempts.listForPeriod(customer, subscription.id(), 0)).singleElement().satisfies(attempt -> {
            assertThat(attempt.state()).isEqualTo(ChargeAttemptState.PAID);
            assertThat(attempt.merchantUid()).isEqualTo(window.merchantUid());
            assertThat(attempt.amount()).isEqualTo(PLAN_AMOUNT);
        });
        assertThat(bed.order(window.merchantUid()).subscriptionId()).isEqualTo(subscription.id());

        RebillReport periodZero = bed.run();
        assertThat(periodZero.due()).isZero();
        assertThat(periodZero.charged()).isZero();
        assertThat(bed.againCalls()).isEmpty();

        bed.clock.set(subscription.nextChargeAt());
        RebillReport periodOne = bed.run();
        assertThat(periodOne.charged()).isEqualTo(1);
        assertThat(bed.againCalls()).singleElement()
                .satisfies(call -> assertThat(call.params().get("merchant_uid")).isEqualTo(subscription.id() + "_p1_a1"));
        assertThat(bed.subscriptions.find(customer, subscription.id()).orElseThrow().period()).isEqualTo(2);

        bed.clock.advance(Duration.ofDays(1));
        assertThat(bed.run().charged()).isZero();
        assertThat(bed.againCalls()).hasSize(1);
        long paidAtIamport = bed.sandbox.paymentsByMerchantUid(window.merchantUid()).stream().filter(Payment::isPaid).count()
                + bed.sandbox.paymentsByMerchantUid(subscription.id() + "_p1_a1").stream().filter(Payment::isPaid).count();
        assertThat(paidAtIamport).isEqualTo(2);
    }

    @Test
    void theWindowsPayment_paysPeriod0OfOneSubscriptionOnly() {
        CheckoutParams window = paidKakaopayWindow();

        Subscription first = subscriptions().subscribe(customer, PLAN, window.customerUid(), null, null);
        Subscription second = subscriptions().subscribe(customer, PLAN, window.customerUid(), null, null);

        assertThat(first.period()).isEqualTo(1);
        assertThat(second.period()).isZero();
        assertThat(second.nextChargeAt()).isEqualTo(bed.clock.instant());
    }

    @Test
    void retriedWithTheSameIdempotencyKey_isTheSameSubscription() {
        CheckoutParams window = paidKakaopayWindow();

        Subscription first = subscriptions().subscribe(customer, PLAN, window.customerUid(), null, "key-1");
        Subscription retried = subscriptions().subscribe(customer, PLAN, window.customerUid(), null, "key-1");

        assertThat(retried.id()).isEqualTo(first.id());
        assertThat(retried.period()).isEqualTo(1);
    }

    @Test
    void anotherPlan_orAFirstChargeDate_isRefused_whileTheWindowsPeriodIsUnclaimed() {
        CheckoutParams window = paidKakaopayWindow();

        assertThatThrownBy(() -> subscriptions().subscribe(customer, OTHER_PLAN, window.customerUid(), null, null))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("plan_id")));
        assertThatThrownBy(() -> subscriptions().subscribe(customer, PLAN, window.customerUid(),
                bed.clock.instant().plus(Duration.ofDays(3)), null))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("first_charge_at")));
        assertThat(bed.order(window.merchantUid()).subscriptionId()).isNull();
    }

    @Test
    void aSubscriptionAfterTheWindowsPeriodEnded_startsAsAnyOther() {
        CheckoutParams window = paidKakaopayWindow();
        bed.clock.advance(Duration.ofDays(40));

        Subscription late = subscriptions().subscribe(customer, PLAN, window.customerUid(), null, null);

        assertThat(late.period()).isZero();
        assertThat(late.nextChargeAt()).isEqualTo(bed.clock.instant());
        assertThat(bed.order(window.merchantUid()).subscriptionId()).isNull();
    }

    @Test
    void aKeyOnlyKakaopayWindow_paysNoPeriod() {
        CheckoutParams window = bed.context.getBean(BillingKeys.class).openWindow(new BillingWindowRequest(customer, null, "kakaopay",
                null, PLAN, false, Buyer.none(), Device.PC, URI.create("https://pay.example.com")));
        confirm(window, pay(window));

        Subscription subscription = subscriptions().subscribe(customer, PLAN, window.customerUid(), null, null);

        assertThat(subscription.period()).isZero();
        assertThat(bed.run().charged()).isEqualTo(1);
    }

    /** The buyer registers a card in kakaopay's window, which charges the plan's first period, and verify confirms it. */
    private CheckoutParams paidKakaopayWindow() {
        CheckoutParams window = bed.context.getBean(BillingKeys.class).openWindow(new BillingWindowRequest(customer, null, "kakaopay",
                null, PLAN, true, Buyer.none(), Device.PC, URI.create("https://pay.example.com")));
        assertThat(window.params().get("amount")).isEqualTo(PLAN_AMOUNT);
        confirm(window, pay(window));
        assertThat(bed.order(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        return window;
    }

    private WindowResult pay(CheckoutParams window) {
        WindowResult result = bed.sandbox.completeWindow(WindowRequest.builder(window.params()).outcome(WindowOutcome.pay()).build());
        assertThat(result.success()).isTrue();
        return result;
    }

    private void confirm(CheckoutParams window, WindowResult result) {
        bed.context.getBean(ConfirmService.class).confirm(new ConfirmRequest(result.impUid(), window.merchantUid(),
                ConfirmSource.CALLBACK));
    }

    private Subscriptions subscriptions() {
        return bed.context.getBean(Subscriptions.class);
    }

}
