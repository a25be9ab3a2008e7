package kr.storefront.payments.core.checkout;

import static kr.storefront.payments.core.checkout.CheckoutFixture.API;
import static kr.storefront.payments.core.checkout.CheckoutFixture.BEANS;
import static kr.storefront.payments.core.checkout.CheckoutFixture.BEANS_PRICE;
import static kr.storefront.payments.core.checkout.CheckoutFixture.DRIPPER;
import static kr.storefront.payments.core.checkout.CheckoutFixture.DRIPPER_PRICE;
import static kr.storefront.payments.core.checkout.CheckoutFixture.EBOOK;
import static kr.storefront.payments.core.checkout.CheckoutFixture.IMP_CODE;
import static kr.storefront.payments.core.checkout.CheckoutFixture.MONTHLY;
import static kr.storefront.payments.core.checkout.CheckoutFixture.MONTHLY_AMOUNT;
import static kr.storefront.payments.core.checkout.CheckoutFixture.NOW;
import static kr.storefront.payments.core.checkout.CheckoutFixture.RETIRED;
import static kr.storefront.payments.core.checkout.CheckoutFixture.RETIRED_PLAN;
import static kr.storefront.payments.core.checkout.CheckoutFixture.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.domain.FieldProblem;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.idempotency.IdempotencyKeyReusedException;
import kr.storefront.payments.core.idempotency.IdempotencyRecord;
import kr.storefront.payments.core.idempotency.RequestFingerprint;
import kr.storefront.payments.core.testing.FakeIamportGateway.Answer;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import org.junit.jupiter.api.Test;

/** {@code POST /checkout/orders}: catalog pricing, PG resolution and rules, amount registration, idempotency, window parameters. */
class OrderCheckoutTest {

    private static final Buyer TEL = new Buyer(null, "010-1234-5678", null, null, null);

    private final CheckoutFixture fixture = new CheckoutFixture();

    // ---- amounts from the catalog

    @Test
    void items_arePricedFromTheCatalog_storedPending_andTheirAmountRegistered() {
        CheckoutParams checkout = fixture.orderCheckout().start(order("k1", List.of(new LineRequest(BEANS, 2),
                new LineRequest(DRIPPER, 1)), "tosspayments"));

        long expected = 2 * BEANS_PRICE + DRIPPER_PRICE;
        assertThat(checkout.impCode()).isEqualTo(IMP_CODE);
        assertThat(checkout.amount()).isEqualTo(expected);
        assertThat(checkout.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(checkout.customerUid()).isNull();
        assertThat(checkout.params()).containsExactly(Map.entry("pg", "tosspayments"), Map.entry("pay_method", "card"),
                Map.entry("merchant_uid", checkout.merchantUid()), Map.entry("name", "Coffee beans 1kg 외 1건"),
                Map.entry("amount", expected), Map.entry("currency", "KRW"));
        assertThat(fixture.gateway.preparedAmount(checkout.merchantUid())).contains(expected);
        assertThat(fixture.stores.orders().all()).singleElement().satisfies(stored -> {
            assertThat(stored.merchantUid()).isEqualTo(checkout.merchantUid());
            assertThat(stored.kind()).isEqualTo(OrderKind.ONE_TIME);
            assertThat(stored.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(stored.amount()).isEqualTo(expected);
            assertThat(stored.pg()).isEqualTo(Pg.TOSSPAYMENTS);
            assertThat(stored.payMethod()).isEqualTo("card");
            assertThat(stored.lines()).extracting(line -> line.sku() + "x" + line.quantity()).containsExactly("BEANS-1KGx2", "DRIPPERx1");
            assertThat(stored.customerId()).isNull();
            assertThat(stored.createdAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aPlanPaidOnce_isPricedAtThePlanAmount_withItsName() {
        CheckoutParams checkout = fixture.orderCheckout().start(new OrderRequest("customer-1", null, List.of(), MONTHLY,
                "tosspayments", null, Buyer.none(), Device.PC, null, false, API));

        assertThat(checkout.amount()).isEqualTo(MONTHLY_AMOUNT);
        assertThat(checkout.params()).containsEntry("name", "Monthly coffee").containsEntry("amount", MONTHLY_AMOUNT);
        assertThat(fixture.stores.orders().all()).singleElement().satisfies(stored -> {
            assertThat(stored.lines()).isEmpty();
            assertThat(stored.customerId()).isEqualTo("customer-1");
        });
    }

    @Test
    void unknownOrRetiredItems_areRefusedPerItem_beforeAnythingIsStoredOrRegistered() {
        assertRefusedOn(() -> fixture.orderCheckout().start(order("k1", List.of(new LineRequest("NOPE", 1),
                new LineRequest(RETIRED, 1)), "kakaopay")), "items[0].sku", "items[1].sku");

        assertNothingHappened();
    }

    @Test
    void aRetiredPlan_isRefused() {
        assertRefusedOn(() -> fixture.orderCheckout().start(new OrderRequest(null, null, List.of(), RETIRED_PLAN, "kakaopay",
                null, Buyer.none(), Device.PC, null, false, API)), "plan_id");

        assertNothingHappened();
    }

    @Test
    void aBrokenPgRule_isRefusedWithTheRule_beforeAnythingIsStoredOrRegistered() {
        assertThatThrownBy(() -> fixture.orderCheckout().start(new OrderRequest(null, "k1", List.of(new LineRequest(BEANS, 1)),
                null, "payco", null, Buyer.none(), Device.MOBILE, null, false, API)))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.problems())
                        .containsExactly(new FieldProblem("buyer.tel", "payco requires buyer_tel")));

        assertNothingHappened();
        assertThat(fixture.stores.idempotency().all()).as("a refused request does not use up its key").isEmpty();
    }

    // ---- PG resolution

    @Test
    void withSeveralPgsEnabled_pgIsRequired_andNamesTheChoices() {
        assertThatThrownBy(() -> fixture.orderCheckout().start(order(null, List.of(new LineRequest(BEANS, 1)), null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("pg: pg is required: this deployment offers payco, chai, kakaopay, tosspayments, uplus");
    }

    @Test
    void withOnePgEnabled_itIsTheDefault() {
        fixture.enabledPgs = List.of("tosspayments");

        CheckoutParams checkout = fixture.orderCheckout().start(order(null, List.of(new LineRequest(BEANS, 1)), " "));

        assertThat(checkout.params()).containsEntry("pg", "tosspayments").containsEntry("pay_method", "card");
    }

    @Test
    void aPgNotEnabled_orUnknown_isRefused() {
        fixture.enabledPgs = List.of("tosspayments", "kakaopay");

        for (String pg : List.of("payco", "paypal")) {
            assertThatThrownBy(() -> fixture.orderCheckout().start(order(null, List.of(new LineRequest(BEANS, 1)), pg)))
                    .as(pg).isInstanceOf(InvalidRequestException.class).hasMessage("pg: pg must be one of tosspayments, kakaopay");
        }
        assertNothingHappened();
    }

    @Test
    void aPgWithAMid_isRefused_theMidComesFromConfiguration() {
        assertThatThrownBy(() -> fixture.orderCheckout().start(order(null, List.of(new LineRequest(BEANS, 1)), "tosspayments.evil")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("give the PG code only (e.g. tosspayments)");
    }

    // ---- how the window is told its PG

    @Test
    void theWindowIsToldItsPg_byChannelKey_elseByPgAndWindowMid_elseByTheBareCode() {
        fixture.secretSettings = "\"channel_keys\":{\"kakaopay\":\"channel-key-kakao\"},\"pg_mids\":{\"tosspayments\":\"tosswin01\"},"
                + "\"api_mids\":{\"tosspayments\":\"tossapi14\"}";

        Map<String, Object> kakaopay = fixture.orderCheckout().start(order(null, List.of(new LineRequest(BEANS, 1)), "kakaopay")).params();
        Map<String, Object> toss = fixture.orderCheckout().start(order(null, List.of(new LineRequest(BEANS, 1)), "tosspayments")).params();
        Map<String, Object> payco = fixture.orderCheckout().start(new OrderRequest(null, null, List.of(new LineRequest(BEANS, 1)),
                null, "payco", null, TEL, Device.PC, null, false, API)).params();

        assertThat(kakaopay).containsEntry("channelKey", "channel-key-kakao").doesNotContainKey("pg");
        assertThat(toss).as("the window keeps its own MID, never API mode's").containsEntry("pg", "tosspayments.tosswin01")
                .doesNotContainKey("channelKey");
        assertThat(payco).containsEntry("pg", "payco");
    }

    // ---- /payments/prepare

    @Test
    void aRefusedRegistration_withAnotherAmountHeldAtIamport_isAnAmountRegistrationException() {
        String merchantUid = fixture.nextMerchantUid();
        fixture.gateway.seedPrepared(merchantUid, 100);

        assertThatThrownBy(() -> fixture.orderCheckout().start(order(null, List.of(new LineRequest(BEANS, 1)), "kakaopay")))
                .isInstanceOf(AmountRegistrationException.class).hasMessageContaining(merchantUid);
        assertThat(fixture.gateway.preparedAmount(merchantUid)).contains(100L);
    }

    @Test
    void aRefusedRegistration_withNoAmountHeld_isAnAmountRegistrationException() {
        fixture.gateway.next(Operation.PREPARE, Answer.refuse(1, "금액이 올바르지 않습니다"));

        assertThatThrownBy(() -> fixture.orderCheckout().start(order(null, List.of(new LineRequest(BEANS, 1)), "kakaopay")))
                .isInstanceOf(AmountRegistrationException.class).hasMessageContaining("금액이 올바르지 않습니다");
    }

    @Test
    void registration_isOff_whenConfiguredSo() {
        fixture.configuration = CheckoutFixture.configuration(false, false, false);

        CheckoutParams checkout = fixture.orderCheckout().start(order(null, List.of(new LineRequest(BEANS, 1)), "kakaopay"));

        assertThat(checkout.amount()).isEqualTo(BEANS_PRICE);
        assertThat(fixture.gateway.calls(Operation.PREPARE)).isEmpty();
    }

    @Test
    void iamportDownWhileRegistering_keepsTheOrder_andTheRetryRegistersIt() {
        fixture.gateway.next(Operation.PREPARE, Answer.unreachable());
        OrderRequest request = order("k1", List.of(new LineRequest(BEANS, 1)), "kakaopay");

        assertThatThrownBy(() -> fixture.orderCheckout().start(request)).isInstanceOf(IamportUnavailableException.class);
        CheckoutParams retried = fixture.orderCheckout().start(request);

        assertThat(fixture.stores.orders().all()).singleElement().extracting(Order::merchantUid).isEqualTo(retried.merchantUid());
        assertThat(fixture.gateway.preparedAmount(retried.merchantUid())).contains(BEANS_PRICE);
    }

    // ---- idempotency

    @Test
    void aRetryWithTheSameKeyAndBody_returnsTheSameOrder_andItsRegistrationIsAccepted() {
        OrderRequest request = order("k1", List.of(new LineRequest(DRIPPER, 1)), "kakaopay");

        CheckoutParams first = fixture.orderCheckout().start(request);
        CheckoutParams second = fixture.orderCheckout().start(request);

        assertThat(second).isEqualTo(first);
        assertThat(fixture.stores.orders().all()).hasSize(1);
        // the second prepare is refused (already registered) and accepted because the amount held is ours
        assertThat(fixture.gateway.calls(Operation.PREPARE)).hasSize(2);
        assertThat(fixture.gateway.calls(Operation.FIND_PREPARED_AMOUNT)).hasSize(1);
        assertThat(fixture.metrics.events()).as("one order created, not two").containsExactly("order created");
    }

    @Test
    void aRetryOfAPaidOrder_reportsItPaid_andRegistersNothing() {
        OrderRequest request = order("k1", List.of(new LineRequest(DRIPPER, 1)), "kakaopay");
        CheckoutParams first = fixture.orderCheckout().start(request);
        Order stored = fixture.stores.orders().find(first.merchantUid()).orElseThrow();
        fixture.stores.orders().seed(stored.transitionTo(OrderStatus.PAID, "imp_1", null, null, null, NOW));
        fixture.gateway.clearCalls();

        CheckoutParams retried = fixture.orderCheckout().start(request);

        assertThat(retried.status()).isEqualTo(OrderStatus.PAID);
        assertThat(retried.merchantUid()).isEqualTo(first.merchantUid());
        assertThat(fixture.gateway.calls(Operation.PREPARE)).isEmpty();
    }

    @Test
    void theSameKeyWithAnotherBody_isRefused() {
        fixture.orderCheckout().start(order("k1", List.of(new LineRequest(DRIPPER, 1)), "kakaopay"));

        assertThatThrownBy(() -> fixture.orderCheckout().start(order("k1", List.of(new LineRequest(DRIPPER, 2)), "kakaopay")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(fixture.stores.orders().all()).hasSize(1);
    }

    @Test
    void theSameKey_forAnotherCustomer_isAnotherOrder() {
        CheckoutParams guest = fixture.orderCheckout().start(order("k1", List.of(new LineRequest(DRIPPER, 1)), "kakaopay"));
        CheckoutParams signedIn = fixture.orderCheckout().start(new OrderRequest("customer-1", "k1",
                List.of(new LineRequest(DRIPPER, 1)), null, "kakaopay", null, Buyer.none(), Device.PC, null, false, API));

        assertThat(signedIn.merchantUid()).isNotEqualTo(guest.merchantUid());
        assertThat(fixture.stores.orders().all()).hasSize(2);
    }

    @Test
    void withoutAKey_everyRequestIsANewOrder() {
        OrderRequest request = order(null, List.of(new LineRequest(DRIPPER, 1)), "kakaopay");

        String first = fixture.orderCheckout().start(request).merchantUid();
        String second = fixture.orderCheckout().start(request).merchantUid();

        assertThat(second).isNotEqualTo(first);
        assertThat(fixture.stores.idempotency().all()).isEmpty();
    }

    @Test
    void aKeyPastItsLifetime_makesANewOrder() {
        OrderRequest request = order("k1", List.of(new LineRequest(DRIPPER, 1)), "kakaopay");
        String first = fixture.orderCheckout().start(request).merchantUid();

        fixture.clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertThat(fixture.orderCheckout().start(request).merchantUid()).isNotEqualTo(first);
    }

    @Test
    void aRetry_whileTheFirstAttemptHasReservedButNotStoredTheOrder_storesItUnderTheReservedId() {
        OrderRequest request = order("k1", List.of(new LineRequest(DRIPPER, 1)), "kakaopay");
        fixture.stores.idempotency().claim(new IdempotencyRecord("orders:guest", "k1", RequestFingerprint.of(request.canonical()),
                "ord_reserved_by_the_first_attempt", NOW, NOW.plus(Duration.ofHours(24))));

        CheckoutParams retried = fixture.orderCheckout().start(request);

        assertThat(retried.merchantUid()).isEqualTo("ord_reserved_by_the_first_attempt");
        assertThat(fixture.stores.orders().all()).singleElement().extracting(Order::merchantUid)
                .isEqualTo("ord_reserved_by_the_first_attempt");
    }

    @Test
    void theFirstAttempt_findingItsOrderStoredByAConcurrentRetry_takesThatOrder() {
        String merchantUid = fixture.nextMerchantUid();
        // the retry, which got this id from the key's record, stored the order (here: already paid) just before us
        Order storedByTheRetry = fixture.stores.orders().seed(Order.pending(merchantUid, OrderKind.ONE_TIME, null, "Ceramic dripper",
                DRIPPER_PRICE, Pg.KAKAOPAY, null, List.of(), null, null, NOW).transitionTo(OrderStatus.PAID, "imp_1", null, null,
                null, NOW));

        CheckoutParams first = fixture.orderCheckout().start(order("k1", List.of(new LineRequest(DRIPPER, 1)), "kakaopay"));

        assertThat(first.merchantUid()).isEqualTo(merchantUid);
        assertThat(first.status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.stores.orders().all()).containsExactly(storedByTheRetry);
        assertThat(fixture.gateway.calls(Operation.PREPARE)).isEmpty();
    }

    // ---- window parameters

    @Test
    void kakaopay_getsNoPayMethod_evenWhenSent_andPcNoRedirectUrl() {
        Map<String, Object> params = fixture.orderCheckout().start(new OrderRequest(null, null, List.of(new LineRequest(BEANS, 1)),
                null, "kakaopay", "card", Buyer.none(), Device.PC, null, false, API)).params();

        assertThat(params).doesNotContainKeys("pay_method", "m_redirect_url", "notice_url");
        assertThat(fixture.stores.orders().all()).singleElement().extracting(Order::payMethod).isNull();
    }

    @Test
    void mobile_andChaiAlways_redirectToVerify_andNoticeUrlOnlyWhenConfigured() {
        fixture.configuration = CheckoutFixture.configuration(true, true, false);

        Map<String, Object> mobile = fixture.orderCheckout().start(new OrderRequest(null, null, List.of(new LineRequest(BEANS, 1)),
                null, "tosspayments", null, Buyer.none(), Device.MOBILE, null, false, URI.create("https://pay.example.com/"))).params();
        Map<String, Object> chaiOnPc = fixture.orderCheckout().start(order(null, List.of(new LineRequest(BEANS, 1)), "chai")).params();

        assertThat(mobile).containsEntry("m_redirect_url", "https://pay.example.com/payments/redirect")
                .containsEntry("notice_url", "https://pay.example.com/webhooks/iamport");
        assertThat(chaiOnPc).containsEntry("pay_method", "trans").containsEntry("m_redirect_url", API + "/payments/redirect");
    }

    @Test
    void buyer_escrow_andCardOptions_reachTheWindow() {
        CardOptions card = new CardOptions(List.of(), new CardOptions.DirectCard("366", null),
                List.of(new CardOptions.CardCompany("*", false), new CardOptions.CardCompany("366", true)));
        Map<String, Object> params = fixture.orderCheckout().start(new OrderRequest(null, null, List.of(new LineRequest(BEANS, 1)),
                null, "tosspayments", "card", new Buyer("홍길동", "010-1234-5678", "a@example.com", "서울", "04783"), Device.PC, card,
                true, API)).params();

        assertThat(params).containsEntry("buyer_name", "홍길동").containsEntry("buyer_tel", "010-1234-5678")
                .containsEntry("buyer_email", "a@example.com").containsEntry("buyer_addr", "서울").containsEntry("buyer_postcode", "04783")
                .containsEntry("escrow", true).containsEntry("display", Map.of("card_quota", List.of()));
        assertThat(params.get("card")).isEqualTo(Map.of("direct", Map.of("code", "366"), "detail",
                List.of(Map.of("card_code", "*", "enabled", false), Map.of("card_code", "366", "enabled", true))));
    }

    @Test
    void phonePayments_carryDigitalFromTheCatalog_andOtherMethodsDoNot() {
        Map<String, Object> digital = fixture.orderCheckout().start(phone(List.of(new LineRequest(EBOOK, 1)), "phone")).params();
        Map<String, Object> mixed = fixture.orderCheckout().start(phone(List.of(new LineRequest(EBOOK, 1), new LineRequest(BEANS, 1)),
                "phone")).params();
        Map<String, Object> card = fixture.orderCheckout().start(phone(List.of(new LineRequest(EBOOK, 1)), "card")).params();

        assertThat(digital).containsEntry("digital", true);
        assertThat(mixed).containsEntry("digital", false);
        assertThat(card).doesNotContainKey("digital");
    }

    private static OrderRequest order(String idempotencyKey, List<LineRequest> items, String pg) {
        return new OrderRequest(null, idempotencyKey, items, null, pg, null, Buyer.none(), Device.PC, null, false, API);
    }

    private static OrderRequest phone(List<LineRequest> items, String payMethod) {
        return new OrderRequest(null, null, items, null, "tosspayments", payMethod, Buyer.none(), Device.PC, null, false, API);
    }

    private void assertNothingHappened() {
        assertThat(fixture.stores.orders().writes()).isEmpty();
        assertThat(fixture.gateway.calls()).isEmpty();
        assertThat(fixture.ids.minted()).isEmpty();
    }
}
