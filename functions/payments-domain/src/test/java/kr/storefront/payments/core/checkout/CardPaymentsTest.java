package kr.storefront.payments.core.checkout;

import static kr.storefront.payments.core.checkout.CheckoutFixture.BEANS;
import static kr.storefront.payments.core.checkout.CheckoutFixture.BEANS_PRICE;
import static kr.storefront.payments.core.checkout.CheckoutFixture.DRIPPER;
import static kr.storefront.payments.core.checkout.CheckoutFixture.DRIPPER_PRICE;
import static kr.storefront.payments.core.checkout.CheckoutFixture.MONTHLY;
import static kr.storefront.payments.core.checkout.CheckoutFixture.MONTHLY_AMOUNT;
import static kr.storefront.payments.core.checkout.CheckoutFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.iamport.BillingKeyCharge;
import kr.storefront.payments.core.iamport.CardDetails;
import kr.storefront.payments.core.iamport.IamportBillingKey;
import kr.storefront.payments.core.iamport.OneTimeCardCharge;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.idempotency.IdempotencyKeyReusedException;
import kr.storefront.payments.core.testing.FakeIamportGateway.Answer;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import kr.storefront.payments.core.testing.IamportPaymentBuilder;
import org.junit.jupiter.api.Test;

/**
 * Toss API mode's card payments: each charge outcome (paid, declined, not attempted, unknown, not matching) and how it
 * lands on the order through the confirm step; retries that never charge twice.
 */
class CardPaymentsTest {

    private static final String CUSTOMER = "customer-1";
    private static final CardDetails CARD = new CardDetails("5365-1000-2000-3000", "2030-12", "900101", "12");

    private final CheckoutFixture fixture = new CheckoutFixture().withTossApiMode();

    // ---- refused before anything

    @Test
    void cardData_isRefused_whileApiModeIsOff() {
        fixture.configuration = CheckoutFixture.configuration(true, false, false);

        assertThatThrownBy(() -> fixture.cardPayments().pay(payment(null, false))).isInstanceOf(FeatureDisabledException.class);
        assertThat(fixture.stores.orders().writes()).isEmpty();
        assertThat(fixture.gateway.calls()).isEmpty();
    }

    @Test
    void cardData_forAnotherPg_isRefused() {
        assertThatThrownBy(() -> fixture.cardPayments().pay(new CardPaymentRequest(CUSTOMER, null, List.of(new LineRequest(BEANS, 1)),
                null, "kakaopay", CARD, false))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("card data is only accepted for tosspayments");
        assertThat(fixture.stores.orders().writes()).isEmpty();
    }

    // ---- onetime

    @Test
    void onetime_paid_isConfirmedPaid_forTheCatalogAmount() {
        CardPaymentResult result = fixture.cardPayments().pay(payment(null, false));

        assertThat(result.outcome()).isEqualTo(CardPaymentResult.Outcome.PAID);
        assertThat(result.reason()).isNull();
        assertThat(result.customerUid()).isNull();
        OneTimeCardCharge charge = fixture.gateway.requests(OneTimeCardCharge.class).get(0);
        assertThat(charge.amount()).isEqualTo(2 * BEANS_PRICE);
        assertThat(charge.name()).isEqualTo("Coffee beans 1kg");
        assertThat(charge.pg()).as("no MID in the secret: the bare code").isEqualTo("tosspayments");
        assertThat(charge.card()).isEqualTo(CARD);
        assertThat(charge.customerUid()).isNull();
        assertThat(fixture.stores.orders().find(charge.merchantUid())).get().satisfies(order -> {
            assertThat(order).isEqualTo(result.order());
            assertThat(order.kind()).isEqualTo(OrderKind.ONE_TIME);
            assertThat(order.status()).isEqualTo(OrderStatus.PAID);
            assertThat(order.amount()).isEqualTo(2 * BEANS_PRICE);
            assertThat(order.payMethod()).isEqualTo("card");
            assertThat(order.customerId()).isEqualTo(CUSTOMER);
            assertThat(order.impUid()).isEqualTo(fixture.gateway.payments().get(0).impUid());
        });
    }

    @Test
    void onetime_namesTheApiModeMid_elseTheWindowMid() {
        fixture.secretSettings = "\"pg_mids\":{\"tosspayments\":\"tosswin01\"},\"api_mids\":{\"tosspayments\":\"tossapi14\"}";
        fixture.cardPayments().pay(payment(null, false));
        fixture.secretSettings = "\"pg_mids\":{\"tosspayments\":\"tosswin01\"}";
        fixture.cardPayments().pay(payment(null, false));

        assertThat(fixture.gateway.requests(OneTimeCardCharge.class)).extracting(OneTimeCardCharge::pg)
                .containsExactly("tosspayments.tossapi14", "tosspayments.tosswin01");
    }

    @Test
    void onetime_declined_failsTheOrder_withTheCardCompanysReason() {
        fixture.gateway.next(Operation.CHARGE_CARD_ONCE, Answer.decline("한도초과"));

        CardPaymentResult result = fixture.cardPayments().pay(payment(null, false));

        assertThat(result.outcome()).isEqualTo(CardPaymentResult.Outcome.DECLINED);
        assertThat(result.reason()).isEqualTo("한도초과");
        assertThat(result.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(result.order().failReason()).isEqualTo("한도초과");
        assertThat(fixture.stores.orders().all()).containsExactly(result.order());
    }

    @Test
    void onetime_refusedByIamport_isDeclinedToo() {
        fixture.gateway.next(Operation.CHARGE_CARD_ONCE, Answer.refuse(-1, "유효하지 않은 카드번호"));

        CardPaymentResult result = fixture.cardPayments().pay(payment(null, false));

        assertThat(result.outcome()).isEqualTo(CardPaymentResult.Outcome.DECLINED);
        assertThat(result.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(result.reason()).isEqualTo("유효하지 않은 카드번호");
    }

    @Test
    void onetime_notAttempted_failsTheOrder_andTellsTheBuyerNothingWasCharged() {
        fixture.gateway.next(Operation.CHARGE_CARD_ONCE, Answer.unreachable());

        CardPaymentResult result = fixture.cardPayments().pay(payment(null, false));

        assertThat(result.outcome()).isEqualTo(CardPaymentResult.Outcome.NOT_ATTEMPTED);
        assertThat(result.reason()).isEqualTo("nothing was charged; try again");
        assertThat(result.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(result.order().failReason()).startsWith("not attempted");
        assertThat(fixture.gateway.payments()).isEmpty();
    }

    @Test
    void onetime_unknown_leavesTheOrderPending_andTheRetryLooksItUp_insteadOfCharging() {
        fixture.gateway.next(Operation.CHARGE_CARD_ONCE, Answer.lostAfterApplying());
        CardPaymentRequest request = payment("k1", false);

        CardPaymentResult first = fixture.cardPayments().pay(request);
        CardPaymentResult retry = fixture.cardPayments().pay(request);

        assertThat(first.outcome()).isEqualTo(CardPaymentResult.Outcome.PENDING);
        assertThat(first.order().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(retry.outcome()).isEqualTo(CardPaymentResult.Outcome.PAID);
        assertThat(retry.order().merchantUid()).isEqualTo(first.order().merchantUid());
        assertThat(retry.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.gateway.calls(Operation.CHARGE_CARD_ONCE)).hasSize(1);
        assertThat(fixture.gateway.payments()).hasSize(1);
    }

    @Test
    void onetime_unknownAndNeverApplied_staysPendingOnRetry_stillWithoutCharging() {
        fixture.gateway.next(Operation.CHARGE_CARD_ONCE, Answer.lostBeforeApplying());
        CardPaymentRequest request = payment("k1", false);

        fixture.cardPayments().pay(request);
        CardPaymentResult retry = fixture.cardPayments().pay(request);

        assertThat(retry.outcome()).isEqualTo(CardPaymentResult.Outcome.PENDING);
        assertThat(retry.order().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(fixture.gateway.calls(Operation.CHARGE_CARD_ONCE)).hasSize(1);
    }

    // ---- saving the card

    @Test
    void savingTheCard_issuesAnActiveKey_thenChargesIt() {
        CardPaymentResult result = fixture.cardPayments().pay(new CardPaymentRequest(CUSTOMER, null,
                List.of(new LineRequest(DRIPPER, 1)), null, "tosspayments", CARD, true));

        assertThat(result.outcome()).isEqualTo(CardPaymentResult.Outcome.PAID);
        assertThat(result.customerUid()).isNotNull();
        assertThat(fixture.stores.billingKeys().find(CUSTOMER, result.customerUid())).get()
                .extracting(key -> key.status()).isEqualTo(BillingKeyStatus.ACTIVE);
        assertThat(fixture.gateway.calls(Operation.CHARGE_CARD_ONCE)).isEmpty();
        assertThat(fixture.gateway.requests(BillingKeyCharge.class)).containsExactly(new BillingKeyCharge(result.customerUid(),
                result.order().merchantUid(), DRIPPER_PRICE, "Ceramic dripper", null));
        assertThat(result.order().status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void savingTheCard_declinedCharge_keepsTheKey_andFailsTheOrder() {
        fixture.gateway.next(Operation.CHARGE_BILLING_KEY, Answer.decline("잔액부족"));

        CardPaymentResult result = fixture.cardPayments().pay(new CardPaymentRequest(CUSTOMER, null,
                List.of(new LineRequest(DRIPPER, 1)), null, "tosspayments", CARD, true));

        assertThat(result.outcome()).isEqualTo(CardPaymentResult.Outcome.DECLINED);
        assertThat(result.customerUid()).isNotNull();
        assertThat(result.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(fixture.stores.billingKeys().find(CUSTOMER, result.customerUid())).get()
                .extracting(key -> key.status()).isEqualTo(BillingKeyStatus.ACTIVE);
    }

    @Test
    void savingTheCard_refusedByTheCardCompany_isCardRejected_andNothingIsCharged() {
        fixture.gateway.next(Operation.ISSUE_BILLING_KEY, Answer.refuse(-1, "카드정보 인증에 실패하였습니다."));

        assertThatThrownBy(() -> fixture.cardPayments().pay(payment(null, true))).isInstanceOf(CardRejectedException.class);
        assertThat(fixture.gateway.calls(Operation.CHARGE_BILLING_KEY)).isEmpty();
        assertThat(fixture.gateway.payments()).isEmpty();
    }

    @Test
    void aPaymentThatDoesNotMatchTheOrder_isRefunded() {
        // i'mport holds the key on another PG than ours (answer lost, looked up), so its charge is not the order's
        String customerUid = "cuid_" + "0".repeat(23) + "2"; // minted right after the order's merchant_uid
        fixture.gateway.next(Operation.ISSUE_BILLING_KEY, Answer.lostBeforeApplying());
        fixture.gateway.seedBillingKey(new IamportBillingKey(customerUid, "kakaopay", null, IamportPaymentBuilder.DEFAULT_CARD, false,
                NOW));

        CardPaymentResult result = fixture.cardPayments().pay(payment(null, true));

        assertThat(result.outcome()).isEqualTo(CardPaymentResult.Outcome.REFUNDED);
        assertThat(result.order().status()).isEqualTo(OrderStatus.FORGED);
        assertThat(result.reason()).contains("kakaopay");
        assertThat(fixture.gateway.requests(PaymentCancel.class)).singleElement()
                .satisfies(cancel -> assertThat(cancel.impUid()).isEqualTo(result.order().impUid()));
    }

    // ---- retries and idempotency

    @Test
    void aRetryOfAPaidPayment_reportsItPaid_withoutCharging() {
        CardPaymentRequest request = payment("k1", false);
        CardPaymentResult first = fixture.cardPayments().pay(request);
        fixture.gateway.clearCalls();

        CardPaymentResult retry = fixture.cardPayments().pay(request);

        assertThat(retry.outcome()).isEqualTo(CardPaymentResult.Outcome.PAID);
        assertThat(retry.order()).isEqualTo(first.order());
        assertThat(fixture.gateway.calls()).as("a settled order is reported as stored").isEmpty();
    }

    @Test
    void aRetryOfADeclinedPayment_reportsItDeclined_withTheReason() {
        fixture.gateway.next(Operation.CHARGE_CARD_ONCE, Answer.decline("한도초과"));
        CardPaymentRequest request = payment("k1", false);
        fixture.cardPayments().pay(request);

        CardPaymentResult retry = fixture.cardPayments().pay(request);

        assertThat(retry.outcome()).isEqualTo(CardPaymentResult.Outcome.DECLINED);
        assertThat(retry.reason()).isEqualTo("한도초과");
        assertThat(fixture.gateway.calls(Operation.CHARGE_CARD_ONCE)).hasSize(1);
    }

    @Test
    void aRetryOfARefundedPayment_reportsItRefunded() {
        String merchantUid = fixture.nextMerchantUid();
        fixture.cardPayments().pay(payment("k1", false));
        Order paid = fixture.stores.orders().find(merchantUid).orElseThrow();
        fixture.stores.orders().seed(new Order(paid.merchantUid(), paid.kind(), paid.customerId(), paid.name(), paid.amount(),
                paid.currency(), paid.pg(), paid.payMethod(), paid.lines(), OrderStatus.FORGED, paid.impUid(), null, null, null, null,
                null, "forged: amount", paid.createdAt(), NOW, paid.version()));

        assertThat(fixture.cardPayments().pay(payment("k1", false)).outcome()).isEqualTo(CardPaymentResult.Outcome.REFUNDED);
    }

    @Test
    void theSameKeyWithAnotherCard_isRefused() {
        fixture.cardPayments().pay(payment("k1", false));

        assertThatThrownBy(() -> fixture.cardPayments().pay(new CardPaymentRequest(CUSTOMER, "k1", List.of(new LineRequest(BEANS, 2)),
                null, "tosspayments", new CardDetails("4000-1000-2000-3000", "2030-12", "900101", "12"), false)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(fixture.gateway.calls(Operation.CHARGE_CARD_ONCE)).hasSize(1);
    }

    @Test
    void theFirstAttempt_findingItsOrderSettledByAConcurrentRetry_reportsIt_withoutCharging() {
        String merchantUid = fixture.nextMerchantUid();
        fixture.stores.orders().seed(Order.pending(merchantUid, OrderKind.ONE_TIME, CUSTOMER, "Coffee beans 1kg", 2 * BEANS_PRICE,
                Pg.TOSSPAYMENTS, "card", List.of(), null, null, NOW).transitionTo(OrderStatus.PAID, "imp_1", null, null, null, NOW));

        CardPaymentResult first = fixture.cardPayments().pay(payment("k1", false));

        assertThat(first.outcome()).isEqualTo(CardPaymentResult.Outcome.PAID);
        assertThat(fixture.gateway.calls()).isEmpty();
    }

    @Test
    void theFirstAttempt_findingItsOrderStoredByAConcurrentRetry_leavesTheChargeToIt() {
        // the retry stored the order and charged it; i'mport has the payment, its confirmation is not written yet
        String merchantUid = fixture.nextMerchantUid();
        fixture.stores.orders().seed(Order.pending(merchantUid, OrderKind.ONE_TIME, CUSTOMER, "Coffee beans 1kg", 2 * BEANS_PRICE,
                Pg.TOSSPAYMENTS, "card", List.of(), null, null, NOW));
        fixture.gateway.seedPayment(fixture.gateway.newPayment(merchantUid, 2 * BEANS_PRICE).channel("api").build());

        CardPaymentResult first = fixture.cardPayments().pay(payment("k1", false));

        assertThat(fixture.gateway.calls(Operation.CHARGE_CARD_ONCE)).as("one charge per idempotency key").isEmpty();
        assertThat(first.outcome()).isEqualTo(CardPaymentResult.Outcome.PAID);
        assertThat(fixture.stores.orders().find(merchantUid)).get().extracting(Order::status).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aPlanPaidOnceByCard_isPricedAtThePlanAmount() {
        CardPaymentResult result = fixture.cardPayments().pay(new CardPaymentRequest(CUSTOMER, null, List.of(), MONTHLY,
                "tosspayments", CARD, false));

        assertThat(result.order().amount()).isEqualTo(MONTHLY_AMOUNT);
        assertThat(fixture.gateway.requests(OneTimeCardCharge.class)).singleElement()
                .extracting(OneTimeCardCharge::amount).isEqualTo(MONTHLY_AMOUNT);
    }

    private static CardPaymentRequest payment(String idempotencyKey, boolean saveCard) {
        return new CardPaymentRequest(CUSTOMER, idempotencyKey, List.of(new LineRequest(BEANS, 2)), null, "tosspayments", CARD,
                saveCard);
    }
}
