package kr.storefront.payments.checkout;

import static kr.storefront.payments.checkout.CheckoutTestSupport.BEANS;
import static kr.storefront.payments.checkout.CheckoutTestSupport.BEANS_PRICE;
import static kr.storefront.payments.checkout.CheckoutTestSupport.DRIPPER_PRICE;
import static kr.storefront.payments.checkout.CheckoutTestSupport.MONTHLY_AMOUNT;
import static kr.storefront.payments.checkout.CheckoutTestSupport.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /checkout/pgs} and {@code POST /checkout/orders} through the deployed handler. */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderCheckoutIT {

    private FunctionTestBed bed;

    @BeforeAll
    void start(AwsEmulator emulator) {
        bed = CheckoutTestSupport.start(emulator, Map.of("checkout.send-notice-url", "true"));
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    @Test
    void pgs_listsEveryEnabledPg_andRequiresPgWhenSeveral() {
        JsonNode listing = bed.invoke(HttpApiEvent.fromSample("checkout-pgs-list.json")).json();

        assertThat(listing.path("pg_required").asBoolean()).isTrue();
        assertThat(listing.path("default_pg").isMissingNode()).isTrue();
        assertThat(listing.path("pgs")).extracting(pg -> pg.path("pg").asText())
                .containsExactly("payco", "chai", "kakaopay", "tosspayments", "uplus");
        JsonNode kakaopay = listing.path("pgs").get(2);
        assertThat(kakaopay.path("pay_method_ignored").asBoolean()).isTrue();
        assertThat(kakaopay.path("billing_window").path("charges").asText()).isEqualTo("charges_when_amount_positive");
        assertThat(listing.path("pgs").get(1).path("notice").asText()).contains("2024-11-01");
        assertThat(listing.path("pgs").get(4).path("billing_window").path("available").asBoolean()).isFalse();
    }

    @Test
    void pgs_withOnePgEnabled_makesItTheDefault(AwsEmulator emulator) {
        try (FunctionTestBed single = CheckoutTestSupport.start(emulator, Map.of("payments.enabled-pgs", "tosspayments"))) {
            JsonNode listing = single.invoke(HttpApiEvent.request("GET", "/checkout/pgs")).json();
            assertThat(listing.path("default_pg").asText()).isEqualTo("tosspayments");
            assertThat(listing.path("pg_required").asBoolean()).isFalse();

            HttpApiResponse order = single.invoke(HttpApiEvent.request("POST", "/checkout/orders")
                    .body("{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"device\":\"pc\"}"));
            assertThat(order.status()).isEqualTo(200);
            assertThat(order.json().path("params").path("pg").asText()).isEqualTo("tosspayments");
        }
    }

    @Test
    void order_fromTheFixture_givesExactRequestPayParams_pricedFromTheCatalog() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.fromSample("checkout-orders-create.json").header("idempotency-key", key()));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        long expected = 2 * BEANS_PRICE + DRIPPER_PRICE;
        String merchantUid = body.path("merchant_uid").asText();
        assertThat(merchantUid).matches("ord_[a-z2-7]{24}").hasSizeLessThanOrEqualTo(40);
        assertThat(body.path("imp_code").asText()).isEqualTo(bed.sandbox().credentials().impCode());
        JsonNode params = body.path("params");
        assertThat(params.path("pg").asText()).isEqualTo("tosspayments");
        assertThat(params.path("pay_method").asText()).isEqualTo("card");
        assertThat(params.path("merchant_uid").asText()).isEqualTo(merchantUid);
        assertThat(params.path("name").asText()).isEqualTo("Coffee beans 1kg 외 1건");
        assertThat(params.path("amount").isIntegralNumber()).isTrue();
        assertThat(params.path("amount").asLong()).isEqualTo(expected);
        assertThat(params.path("buyer_tel").asText()).isEqualTo("010-1234-5678");
        assertThat(params.path("m_redirect_url").asText()).isEqualTo("https://" + HttpApiEvent.DOMAIN + "/payments/redirect");
        assertThat(params.path("notice_url").asText()).isEqualTo("https://" + HttpApiEvent.DOMAIN + "/webhooks/iamport");
        assertThat(params.path("display").path("card_quota")).extracting(JsonNode::asInt).containsExactly(0, 2, 3);
        assertThat(bed.sandbox().preparedAmount(merchantUid)).contains(expected);
        assertThat(bed.bean(OrderStore.class).find(merchantUid)).get().satisfies(order -> {
            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(order.amount()).isEqualTo(expected);
            assertThat(order.lines()).hasSize(2);
        });
    }

    @Test
    void order_amountSentByTheBrowser_isIgnored_andTheWindowRefusesTheTamperedAmount() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                "{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1,\"price\":1}],\"amount\":100,\"pg\":\"kakaopay\",\"device\":\"pc\"}"));

        JsonNode params = response.json().path("params");
        assertThat(params.path("amount").asLong()).isEqualTo(BEANS_PRICE);
        var window = bed.sandbox().completeWindow(WindowRequest.builder(paramsMap(params)).tamperedAmount(100L)
                .outcome(WindowOutcome.pay()).build());
        assertThat(window.success()).isFalse();
        assertThat(window.impUid()).isNull();
    }

    @Test
    void order_retriedWithTheSameIdempotencyKey_returnsTheSameOrder() {
        String idempotencyKey = key();
        HttpApiEvent request = HttpApiEvent.request("POST", "/checkout/orders").header("Idempotency-Key", idempotencyKey)
                .body("{\"items\":[{\"sku\":\"DRIPPER\",\"quantity\":1}],\"pg\":\"payco\",\"device\":\"pc\","
                        + "\"buyer\":{\"tel\":\"010-0000-1111\"}}");

        JsonNode first = bed.invoke(request).json();
        JsonNode second = bed.invoke(request).json();

        assertThat(second.path("merchant_uid").asText()).isEqualTo(first.path("merchant_uid").asText());
        assertThat(second.path("params")).isEqualTo(first.path("params"));
    }

    @Test
    void order_sameIdempotencyKeyWithAnotherBody_isRefused() {
        String idempotencyKey = key();
        bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").header("Idempotency-Key", idempotencyKey)
                .body("{\"items\":[{\"sku\":\"DRIPPER\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\"}"));

        HttpApiResponse reused = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").header("Idempotency-Key", idempotencyKey)
                .body("{\"items\":[{\"sku\":\"DRIPPER\",\"quantity\":2}],\"pg\":\"kakaopay\",\"device\":\"pc\"}"));

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.errorCode()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void order_forAPlan_chargesThePlanAmountOnce() {
        JsonNode params = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders")
                .body("{\"plan_id\":\"monthly-coffee\",\"pg\":\"tosspayments\",\"device\":\"pc\"}")).json().path("params");

        assertThat(params.path("amount").asLong()).isEqualTo(MONTHLY_AMOUNT);
        assertThat(params.path("name").asText()).isEqualTo("Monthly coffee");
    }

    @Test
    void order_paycoWithoutBuyerTel_isRefusedWithTheRule() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders")
                .body("{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"payco\",\"device\":\"mobile\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_request");
        assertThat(response.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("buyer.tel");
        assertThat(response.json().path("error").path("details").get(0).path("message").asText()).isEqualTo("payco requires buyer_tel");
        assertThat(response.json().path("request_id").asText()).isNotBlank();
    }

    @Test
    void order_unknownOrRetiredSku_isRefusedPerItem() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                "{\"items\":[{\"sku\":\"NOPE\",\"quantity\":1},{\"sku\":\"RETIRED-MUG\",\"quantity\":1}],\"pg\":\"kakaopay\","
                        + "\"device\":\"pc\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("details")).extracting(d -> d.path("field").asText())
                .containsExactly("items[0].sku", "items[1].sku");
    }

    @Test
    void order_installmentsOnASmallAmount_areRefused() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                "{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"tosspayments\",\"device\":\"pc\","
                        + "\"card\":{\"direct\":{\"code\":\"366\",\"quota\":3}}}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("message").asText()).contains("50000");
    }

    @Test
    void order_cardCompanyCodeAsNumber_isRefused_andCardOptionsAsStringsPassThrough() {
        HttpApiResponse numeric = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                "{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":3}],\"pg\":\"uplus\",\"device\":\"pc\","
                        + "\"card\":{\"direct\":{\"code\":366}}}"));
        HttpApiResponse strings = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                "{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":3}],\"pg\":\"uplus\",\"device\":\"pc\","
                        + "\"card\":{\"direct\":{\"code\":\"366\",\"quota\":2},\"detail\":[{\"card_code\":\"361\",\"enabled\":false}]}}"));

        assertThat(numeric.status()).isEqualTo(400);
        assertThat(numeric.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("card.direct.code");
        JsonNode card = strings.json().path("params").path("card");
        assertThat(card.path("direct").path("code").isTextual()).isTrue();
        assertThat(card.path("direct").path("quota").asInt()).isEqualTo(2);
        assertThat(card.path("detail").get(0).path("card_code").asText()).isEqualTo("361");
    }

    @Test
    void order_cardQuotaEmpty_reachesTheWindowAsLumpSumOnly_andAbsentStaysAbsent() {
        JsonNode lumpSumOnly = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                "{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":3}],\"pg\":\"tosspayments\",\"device\":\"pc\","
                        + "\"display\":{\"card_quota\":[]}}")).json().path("params");
        JsonNode unset = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                "{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":3}],\"pg\":\"tosspayments\",\"device\":\"pc\"}"))
                .json().path("params");

        assertThat(lumpSumOnly.path("display").path("card_quota").isArray()).isTrue();
        assertThat(lumpSumOnly.path("display").path("card_quota")).isEmpty();
        assertThat(unset.has("display")).isFalse();
    }

    @Test
    void order_cardDetailWildcard_disablesAllThenEnablesOne_asTheGuideShows() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                "{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"tosspayments\",\"device\":\"pc\","
                        + "\"card\":{\"detail\":[{\"card_code\":\"*\",\"enabled\":false},{\"card_code\":\"366\",\"enabled\":true}]}}"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode detail = response.json().path("params").path("card").path("detail");
        assertThat(detail).extracting(d -> d.path("card_code").asText() + "=" + d.path("enabled").asBoolean())
                .containsExactly("*=false", "366=true");
    }

    @Test
    void order_buyerPostcode_inEveryFormTheGuidesUse_isAccepted_andOthersRefused() {
        for (String postcode : new String[] {"123-456", "04783", "123456"}) {
            HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                    "{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\","
                            + "\"buyer\":{\"postcode\":\"" + postcode + "\"}}"));
            assertThat(response.status()).as(postcode).isEqualTo(200);
            assertThat(response.json().path("params").path("buyer_postcode").asText()).isEqualTo(postcode);
        }
        for (String postcode : new String[] {"1234", "12-3456", "abcde", "123-4567"}) {
            HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                    "{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\","
                            + "\"buyer\":{\"postcode\":\"" + postcode + "\"}}"));
            assertThat(response.status()).as(postcode).isEqualTo(400);
            assertThat(response.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("buyer.postcode");
        }
    }

    @Test
    void order_phonePayment_carriesDigital_fromTheCatalog_andOtherMethodsDoNot() {
        bed.bean(kr.storefront.payments.core.catalog.CatalogService.class).upsertProduct("EBOOK", "E-book", 9_000, true, true);

        JsonNode digital = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                "{\"items\":[{\"sku\":\"EBOOK\",\"quantity\":1}],\"pg\":\"tosspayments\",\"pay_method\":\"phone\","
                        + "\"device\":\"mobile\"}")).json().path("params");
        JsonNode mixed = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                "{\"items\":[{\"sku\":\"EBOOK\",\"quantity\":1},{\"sku\":\"BEANS-1KG\",\"quantity\":1}],"
                        + "\"pg\":\"tosspayments\",\"pay_method\":\"phone\",\"device\":\"mobile\"}")).json().path("params");
        JsonNode card = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(
                "{\"items\":[{\"sku\":\"EBOOK\",\"quantity\":1}],\"pg\":\"tosspayments\",\"pay_method\":\"card\","
                        + "\"device\":\"mobile\"}")).json().path("params");

        assertThat(digital.path("digital").isBoolean()).isTrue();
        assertThat(digital.path("digital").asBoolean()).isTrue();
        assertThat(mixed.path("digital").isBoolean()).isTrue();
        assertThat(mixed.path("digital").asBoolean()).isFalse();
        assertThat(card.has("digital")).isFalse();
    }

    private static Map<String, Object> paramsMap(JsonNode params) {
        return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(params,
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
    }
}
