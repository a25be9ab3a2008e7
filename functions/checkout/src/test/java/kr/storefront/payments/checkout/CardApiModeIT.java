package kr.storefront.payments.checkout;

import static kr.storefront.payments.checkout.CheckoutTestSupport.BEANS_PRICE;
import static kr.storefront.payments.checkout.CheckoutTestSupport.customer;
import static kr.storefront.payments.checkout.CheckoutTestSupport.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import kr.storefront.payments.core.confirm.ConfirmOutcome;
import kr.storefront.payments.core.confirm.ConfirmRequest;
import kr.storefront.payments.core.confirm.ConfirmService;
import kr.storefront.payments.core.confirm.ConfirmSource;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.iamport.CardBehaviour;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Toss API mode: raw card data, tosspayments only, never stored or printed. */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardApiModeIT {

    private static final String CARD = "5365100020003000";
    private static final String CARD_BODY = "\"card_number\":\"5365-1000-2000-3000\",\"expiry\":\"2030-12\",\"birth\":\"900101\","
            + "\"pwd_2digit\":\"12\"";

    /** The sandbox's default API-mode channel, as the secret names it. */
    private static final String API_CHANNEL = "\"api_channel_keys\":{\"tosspayments\":\"" + Channel.TOSS_API_KEY + "\"}";

    private FunctionTestBed bed;

    @BeforeAll
    void start(AwsEmulator emulator) {
        bed = CheckoutTestSupport.start(emulator, Map.of("checkout.toss-api-mode", "true"), API_CHANNEL);
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    @Test
    void apiMode_offByDefault_refusesCardData(AwsEmulator emulator) {
        try (FunctionTestBed defaults = CheckoutTestSupport.start(emulator, Map.of())) {
            HttpApiResponse response = defaults.invoke(HttpApiEvent.fromSample("checkout-billing-keys-card.json"));

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.errorCode()).isEqualTo("feature_disabled");
            assertThat(defaults.sandbox().count(Endpoint.ISSUE_BILLING_KEY)).isZero();
        }
    }

    @Test
    void issueKey_tosspayments_isActiveWithAMaskedCard() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/billing-keys/card").signedInAs(customer())
                .body("{\"pg\":\"tosspayments\"," + CARD_BODY + "}"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("status").asText()).isEqualTo("active");
        assertThat(response.json().path("card").path("masked_number").asText()).contains("*").doesNotContain("10002000");
        assertThat(response.body()).doesNotContain(CARD).doesNotContain("5365-1000-2000-3000");
    }

    @Test
    void issueKey_cardRefusedByTheCardCompany_is422WithThePgMessage() {
        bed.sandbox().setCardNumberBehaviour("5365-1000-2000-4000", CardBehaviour.authenticationFailure());

        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/billing-keys/card").signedInAs(customer())
                .body("{\"pg\":\"tosspayments\",\"card_number\":\"5365100020004000\",\"expiry\":\"2030-12\",\"birth\":\"900101\","
                        + "\"pwd_2digit\":\"12\"}"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo("card_rejected");
        assertThat(response.json().path("error").path("message").asText()).contains("카드정보 인증에 실패");
    }

    /**
     * API mode needs a Toss MID of API version 1.4, which in practice is not the window's: onetime names it
     * ({@code api_mids}) and key issuance its channel ({@code api_channel_keys}, the schema's required
     * {@code channel_key}), while the window keeps {@code pg_mids} (issue 15 items 4, 9).
     */
    @Test
    void apiModeCalls_useTheApiModeMid_andTheWindowItsOwn(AwsEmulator emulator) {
        String mids = "\"pg_mids\":{\"tosspayments\":\"tosswin01\"},\"api_mids\":{\"tosspayments\":\"tossapi14\"}," + API_CHANNEL;
        try (FunctionTestBed mid = CheckoutTestSupport.start(emulator, Map.of("checkout.toss-api-mode", "true"), mids)) {
            String customer = customer();
            HttpApiResponse onetime = mid.invoke(HttpApiEvent.request("POST", "/checkout/payments/card").signedInAs(customer)
                    .body("{\"items\":[{\"sku\":\"DRIPPER\",\"quantity\":1}],\"pg\":\"tosspayments\"," + CARD_BODY + "}"));
            HttpApiResponse saved = mid.invoke(HttpApiEvent.request("POST", "/checkout/billing-keys/card").signedInAs(customer)
                    .body("{\"pg\":\"tosspayments\"," + CARD_BODY + "}"));
            HttpApiResponse window = mid.invoke(HttpApiEvent.request("POST", "/checkout/orders")
                    .body("{\"items\":[{\"sku\":\"DRIPPER\",\"quantity\":1}],\"pg\":\"tosspayments\",\"device\":\"pc\"}"));

            assertThat(onetime.json().path("outcome").asText()).isEqualTo("paid");
            assertThat(saved.status()).isEqualTo(201);
            assertThat(mid.sandbox().requests()).filteredOn(r -> r.endpoint() == Endpoint.ONETIME)
                    .singleElement().satisfies(r -> assertThat(r.params().get("pg")).isEqualTo("tosspayments.tossapi14"));
            assertThat(mid.sandbox().requests()).filteredOn(r -> r.endpoint() == Endpoint.ISSUE_BILLING_KEY)
                    .singleElement().satisfies(r -> assertThat(r.params()).containsEntry("channel_key", Channel.TOSS_API_KEY)
                            .doesNotContainKey("pg"));
            assertThat(mid.sandbox().paymentsByMerchantUid(onetime.json().path("merchant_uid").asText()))
                    .singleElement().satisfies(p -> assertThat(p.pgId()).isEqualTo("tossapi14"));
            assertThat(window.json().path("params").path("pg").asText()).isEqualTo("tosspayments.tosswin01");
        }
    }

    @Test
    void apiModeCalls_withOnlyAWindowMid_useIt() {
        // the default bed's secret names no MID: the bare code, as before
        HttpApiResponse onetime = bed.invoke(HttpApiEvent.request("POST", "/checkout/payments/card").signedInAs(customer())
                .body("{\"items\":[{\"sku\":\"DRIPPER\",\"quantity\":1}],\"pg\":\"tosspayments\"," + CARD_BODY + "}"));

        assertThat(bed.sandbox().requests()).filteredOn(r -> r.endpoint() == Endpoint.ONETIME
                        && onetime.json().path("merchant_uid").asText().equals(r.params().get("merchant_uid")))
                .singleElement().satisfies(r -> assertThat(r.params().get("pg")).isEqualTo("tosspayments"));
    }

    @Test
    void pay_onetime_isPaidAndConfirmed() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.fromSample("checkout-payments-card.json").signedInAs(customer()));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("outcome").asText()).isEqualTo("paid");
        assertThat(body.path("amount").asLong()).isEqualTo(BEANS_PRICE);
        assertThat(bed.bean(OrderStore.class).find(body.path("merchant_uid").asText()).orElseThrow().status())
                .isEqualTo(OrderStatus.PAID);
    }

    @Test
    void pay_savingTheCard_issuesAKeyThenChargesIt() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/payments/card").signedInAs(customer())
                .body("{\"items\":[{\"sku\":\"DRIPPER\",\"quantity\":1}],\"pg\":\"tosspayments\",\"save_card\":true," + CARD_BODY + "}"));

        assertThat(response.status()).isEqualTo(200);
        String customerUid = response.json().path("customer_uid").asText();
        assertThat(bed.sandbox().billingKey(customerUid)).isPresent();
        assertThat(bed.sandbox().paymentsByMerchantUid(response.json().path("merchant_uid").asText()))
                .singleElement().satisfies(p -> assertThat(p.isPaid()).isTrue());
    }

    @Test
    void pay_declined_is402_andTheOrderFailed() {
        bed.sandbox().setCardNumberBehaviour("5365-1000-2000-5000", CardBehaviour.declineAsFailedStatus("한도초과"));

        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/payments/card").signedInAs(customer())
                .body("{\"items\":[{\"sku\":\"DRIPPER\",\"quantity\":1}],\"pg\":\"tosspayments\",\"card_number\":\"5365100020005000\","
                        + "\"expiry\":\"2030-12\",\"birth\":\"900101\",\"pwd_2digit\":\"12\"}"));

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.json().path("reason").asText()).contains("한도초과");
        assertThat(response.json().path("order_status").asText()).isEqualTo("failed");
    }

    @Test
    void pay_retriedAfterATimeout_neverChargesTwice() {
        String idempotencyKey = key();
        bed.sandbox().faults().timeoutAfterApply(Endpoint.ONETIME, 1, java.time.Duration.ofSeconds(5));
        HttpApiEvent request = HttpApiEvent.request("POST", "/checkout/payments/card").signedInAs(customer())
                .header("Idempotency-Key", idempotencyKey)
                .body("{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":2}],\"pg\":\"tosspayments\"," + CARD_BODY + "}");

        HttpApiResponse first = bed.invoke(request);
        HttpApiResponse retry = bed.invoke(request);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("merchant_uid").asText()).isEqualTo(first.json().path("merchant_uid").asText());
        assertThat(bed.sandbox().paymentsByMerchantUid(first.json().path("merchant_uid").asText())).hasSize(1);
    }

    @ParameterizedTest(name = "save_card={0}")
    @ValueSource(booleans = {false, true})
    void pay_chargeSlowerThanTheReadTimeout_is202Pending_thenConfirmSettlesIt_withOneCharge(boolean saveCard)
            throws InterruptedException {
        // the bed's charge read timeout is 3 s; i'mport answers after 5 s, and applies the charge then
        Endpoint charge = saveCard ? Endpoint.AGAIN : Endpoint.ONETIME;
        bed.sandbox().faults().latency(charge, Duration.ofSeconds(5));
        HttpApiResponse response;
        try {
            response = bed.invoke(HttpApiEvent.request("POST", "/checkout/payments/card").signedInAs(customer())
                    .header("Idempotency-Key", key())
                    .body("{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"tosspayments\",\"save_card\":" + saveCard
                            + "," + CARD_BODY + "}"));
        } finally {
            bed.sandbox().faults().clear();
        }
        String merchantUid = response.json().path("merchant_uid").asText();
        for (int i = 0; i < 100 && bed.sandbox().paymentsByMerchantUid(merchantUid).isEmpty(); i++) {
            Thread.sleep(100); // the held charge lands at i'mport after the function answered
        }
        ConfirmOutcome settled = bed.bean(ConfirmService.class).confirm(new ConfirmRequest(null, merchantUid, ConfirmSource.CALLBACK));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("outcome").asText()).isEqualTo("pending");
        assertThat(response.json().path("order_status").asText()).isEqualTo("pending");
        assertThat(settled).isInstanceOfSatisfying(ConfirmOutcome.Confirmed.class,
                confirmed -> assertThat(confirmed.order().status()).isEqualTo(OrderStatus.PAID));
        assertThat(bed.sandbox().paymentsByMerchantUid(merchantUid)).singleElement()
                .satisfies(payment -> assertThat(payment.isPaid()).isTrue());
    }

    @Test
    void cardNumbers_neverReachTheLogs() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            bed.invoke(HttpApiEvent.request("POST", "/checkout/payments/card").signedInAs(customer())
                    .body("{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"tosspayments\"," + CARD_BODY + "}"));
            bed.invoke(HttpApiEvent.request("POST", "/checkout/billing-keys/card").signedInAs(customer())
                    .body("{\"pg\":\"payco\"," + CARD_BODY + "}"));
            bed.invoke(HttpApiEvent.request("POST", "/checkout/billing-keys/card").signedInAs(customer())
                    .body("{\"pg\":\"tosspayments\",\"card_number\":\"5365-1000-2000-3000\",\"expiry\":\"garbage\"}"));
        } finally {
            System.setOut(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("/checkout/"); // the requests were logged at all
        assertThat(logs).doesNotContain(CARD).doesNotContain("5365-1000-2000-3000").doesNotContain("900101");
    }
}
