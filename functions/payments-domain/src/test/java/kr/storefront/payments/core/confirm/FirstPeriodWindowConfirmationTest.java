package kr.storefront.payments.core.confirm;

import static kr.storefront.payments.core.confirm.ConfirmFixture.PLAN_AMOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import kr.storefront.payments.core.testing.IamportPaymentBuilder;
import org.junit.jupiter.api.Test;

/**
 * kakaopay's first period (docs/rebill.md): a billing-key window with a plan that really charges the plan's amount is
 * verified like any payment, and its key follows the charge. The order keeps its plan, so that once paid it is the
 * unclaimed period 0 a subscription to that plan takes over.
 */
class FirstPeriodWindowConfirmationTest {

    private final ConfirmFixture fixture = new ConfirmFixture();

    @Test
    void paidWithTheKeyIssued_isPaid_keepsItsPlanUnclaimed_andTheKeyIsActive() {
        Order window = fixture.firstPeriodWindow();
        fixture.issueKey(window, "kakaopay");
        IamportPayment payment = fixture.seed(fixture.payment(window));

        ConfirmOutcome outcome = fixture.confirm(payment, ConfirmSource.REDIRECT);

        Order stored = fixture.stored(window.merchantUid());
        assertThat(outcome).isEqualTo(new ConfirmOutcome.Confirmed(stored, true));
        assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored.amount()).isEqualTo(PLAN_AMOUNT);
        assertThat(stored.planId()).isEqualTo("monthly-coffee");
        assertThat(stored.subscriptionId()).as("no subscription has claimed it yet").isNull();
        assertThat(stored.paysAFirstPeriod()).isTrue();
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.ACTIVE);
        assertThat(fixture.storedKey(window).card()).isEqualTo(IamportPaymentBuilder.DEFAULT_CARD);
        assertThat(fixture.iamport.calls(Operation.CANCEL)).isEmpty();
    }

    @Test
    void paidBeforeIamportShowsTheKey_leavesTheKeyPending_untilAConfirmationFindsIt() {
        Order window = fixture.firstPeriodWindow();
        IamportPayment payment = fixture.seed(fixture.payment(window));
        fixture.confirm(payment, ConfirmSource.REDIRECT);
        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.PENDING);

        fixture.issueKey(window, "kakaopay");
        ConfirmOutcome again = fixture.confirm(payment, ConfirmSource.WEBHOOK);

        assertThat(again).extracting(o -> ((ConfirmOutcome.Confirmed) o).changed()).isEqualTo(false);
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.ACTIVE);
    }

    @Test
    void declined_failsTheOrderAndTheKey() {
        Order window = fixture.firstPeriodWindow();
        IamportPayment declined = fixture.seed(fixture.payment(window).failed("잔액부족", fixture.clock.instant()));

        fixture.confirm(declined, ConfirmSource.REDIRECT);

        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(fixture.stored(window.merchantUid()).failReason()).isEqualTo("잔액부족");
        assertThat(fixture.stored(window.merchantUid()).paysAFirstPeriod()).isFalse();
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.FAILED);
    }

    @Test
    void anotherAmount_isForged_refunded_andTheKeyFails() {
        Order window = fixture.firstPeriodWindow();
        fixture.issueKey(window, "kakaopay");
        IamportPayment tampered = fixture.seed(fixture.payment(window).amount(100));

        fixture.confirm(tampered, ConfirmSource.REDIRECT);

        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.FORGED);
        assertThat(fixture.refundRequests()).extracting(PaymentCancel::checksum).containsExactly(100L);
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.FAILED);
    }

    @Test
    void aChargeThatIssuedAnotherCustomerUid_isForged_andRefunded() {
        Order window = fixture.firstPeriodWindow();
        IamportPayment payment = fixture.seed(fixture.payment(window).customerUid("cuid_someone_else", "issue"));

        fixture.confirm(payment, ConfirmSource.CALLBACK);

        Order stored = fixture.stored(window.merchantUid());
        assertThat(stored.status()).isEqualTo(OrderStatus.FORGED);
        assertThat(stored.failReason()).isEqualTo("forged: the window issued another customer_uid than the one this order was opened for");
        assertThat(fixture.refundRequests()).extracting(PaymentCancel::checksum).containsExactly(PLAN_AMOUNT);
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.FAILED);
    }

    @Test
    void chargedThroughAnotherPg_isForged() {
        Order window = fixture.firstPeriodWindow();
        IamportPayment payment = fixture.seed(fixture.payment(window).pgProvider("tosspayments"));

        fixture.confirm(payment, ConfirmSource.REDIRECT);

        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.FORGED);
        assertThat(fixture.refundRequests()).hasSize(1);
    }

    /** A repeat after a subscription claimed the payment as its period 0 changes nothing, the claim included. */
    @Test
    void aClaimedFirstPeriod_confirmedAgain_keepsItsSubscription() {
        Order window = fixture.firstPeriodWindow();
        fixture.issueKey(window, "kakaopay");
        IamportPayment payment = fixture.seed(fixture.payment(window));
        fixture.confirm(payment, ConfirmSource.REDIRECT);
        Order claimed = fixture.stores.orders().update(fixture.stored(window.merchantUid())
                .claimedAsFirstPeriodOf("sub_0000000000000001", fixture.clock.instant())).current().orElseThrow();

        ConfirmOutcome again = fixture.confirm(payment, ConfirmSource.WEBHOOK);

        assertThat(again).isEqualTo(new ConfirmOutcome.Confirmed(claimed, false));
        assertThat(fixture.stored(window.merchantUid()).subscriptionId()).isEqualTo("sub_0000000000000001");
        assertThat(fixture.iamport.calls(Operation.CANCEL)).isEmpty();
    }

    /** With a plan shown but nothing charged (kakaopay at 0), the window is key-only: paid by its key, no first period. */
    @Test
    void aKakaopayWindowShowingAPlanButChargingNothing_isJudgedByItsKey_andPaysNoFirstPeriod() {
        Order window = fixture.stores.orders().seed(fixture.keyOnlyWindow(Pg.KAKAOPAY).forPlan("monthly-coffee"));
        fixture.issueKey(window, "kakaopay");
        IamportPayment payment = fixture.seed(fixture.payment(window).ready().amount(PLAN_AMOUNT));

        fixture.confirm(payment, ConfirmSource.REDIRECT);

        Order stored = fixture.stored(window.merchantUid());
        assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored.planId()).isEqualTo("monthly-coffee");
        assertThat(stored.paysAFirstPeriod()).isFalse();
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.ACTIVE);
    }
}
