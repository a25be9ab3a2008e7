package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The buyer's click in the browser window: {@code POST /window/sessions/{id}/complete}. */
class WindowCompleteTest extends SandboxTestSupport {

    BrowserClient browser;

    @BeforeEach
    void browser() {
        browser = new BrowserClient(sandbox);
    }

    @Test
    void pay_recordsPaidPaymentWithTheParamsAmountAndAnswersTheCallbackRsp() throws IOException {
        String sessionId = browser.openOk(windowParams("kakaopay", "card", "ord_1", 8900), "pc");

        BrowserClient.Reply reply = browser.complete(sessionId, "pay");

        assertThat(reply.status()).isEqualTo(200);
        String impUid = reply.text("imp_uid");
        JsonNode rsp = reply.json().get("rsp");
        assertThat(rsp.get("success").asBoolean()).isTrue();
        assertThat(rsp.get("imp_uid").asText()).isEqualTo(impUid);
        assertThat(rsp.get("merchant_uid").asText()).isEqualTo("ord_1");
        assertThat(rsp.get("paid_amount").asLong()).isEqualTo(8900);
        assertThat(rsp.get("pay_method").asText()).isEqualTo("card");
        assertThat(rsp.get("pg_provider").asText()).isEqualTo("kakaopay");
        assertThat(rsp.get("status").asText()).isEqualTo("paid");
        assertThat(reply.json().get("redirect_url").isNull()).isTrue();

        JsonNode payment = api.get("/payments/" + impUid).response();
        assertThat(payment.get("status").asText()).isEqualTo("paid");
        assertThat(payment.get("amount").asLong()).isEqualTo(8900);
        assertThat(payment.get("merchant_uid").asText()).isEqualTo("ord_1");
        assertThat(payment.get("channel").asText()).isEqualTo("pc");
    }

    @Test
    void pay_tosspayments_rspCarriesOnlyIdentifiers() throws IOException {
        String sessionId = browser.openOk(windowParams("tosspayments", "card", "ord_1", 8900), "pc");

        JsonNode rsp = browser.complete(sessionId, "pay").json().get("rsp");

        assertThat(rsp.has("imp_uid")).isTrue();
        assertThat(rsp.has("success")).isFalse();
        assertThat(rsp.has("paid_amount")).isFalse();
    }

    @Test
    void fail_recordsFailedPaymentWithTheReason() throws IOException {
        String sessionId = browser.openOk(windowParams("kakaopay", "card", "ord_1", 8900), "pc");

        BrowserClient.Reply reply = browser.complete(sessionId, Map.of("outcome", "fail", "fail_reason", "한도 초과"));

        JsonNode rsp = reply.json().get("rsp");
        assertThat(rsp.get("success").asBoolean()).isFalse();
        assertThat(rsp.get("error_msg").asText()).isEqualTo("한도 초과");
        assertThat(rsp.get("error_code").asText()).isNotBlank();
        JsonNode payment = api.get("/payments/" + reply.text("imp_uid")).response();
        assertThat(payment.get("status").asText()).isEqualTo("failed");
        assertThat(payment.get("fail_reason").asText()).isEqualTo("한도 초과");
    }

    @Test
    void fail_withoutReason_usesTheDefaultRefusal() throws IOException {
        String sessionId = browser.openOk(windowParams("kakaopay", "card", "ord_1", 8900), "pc");

        BrowserClient.Reply reply = browser.complete(sessionId, "fail");

        assertThat(reply.json().get("rsp").get("error_msg").asText()).isEqualTo(WindowAction.DEFAULT_FAIL_REASON);
    }

    @Test
    void cancel_isUserCancelAndLeavesNoPaidPayment() throws IOException {
        String sessionId = browser.openOk(windowParams("kakaopay", "card", "ord_1", 8900), "pc");

        BrowserClient.Reply reply = browser.complete(sessionId, "cancel");

        JsonNode rsp = reply.json().get("rsp");
        assertThat(rsp.get("success").asBoolean()).isFalse();
        assertThat(rsp.get("error_msg").asText()).contains("취소");
        assertThat(api.get("/payments/find/ord_1/paid").status()).isEqualTo(404);
        assertThat(sandbox.paymentsByMerchantUid("ord_1")).noneMatch(Payment::isPaid);
    }

    @Test
    void vbank_issuesAccountLeavingPaymentReady() throws IOException {
        String sessionId = browser.openOk(windowParams("kakaopay", "vbank", "ord_1", 8900), "pc");

        BrowserClient.Reply reply = browser.complete(sessionId, "vbank");

        JsonNode rsp = reply.json().get("rsp");
        assertThat(rsp.get("success").asBoolean()).isTrue();
        assertThat(rsp.get("status").asText()).isEqualTo("ready");
        assertThat(rsp.get("vbank_num").asText()).isNotBlank();
        JsonNode payment = api.get("/payments/" + reply.text("imp_uid")).response();
        assertThat(payment.get("status").asText()).isEqualTo("ready");
        assertThat(payment.get("vbank_num").asText()).isEqualTo(rsp.get("vbank_num").asText());
        assertThat(payment.get("vbank_date").asLong()).isPositive();
    }

    @Test
    void vbank_forACardPayment_isRefusedAndTheWindowStaysOpen() throws IOException {
        String sessionId = browser.openOk(windowParams("kakaopay", "card", "ord_1", 8900), "pc");

        BrowserClient.Reply refused = browser.complete(sessionId, "vbank");
        BrowserClient.Reply paid = browser.complete(sessionId, "pay");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("error_code")).isEqualTo("INVALID_ACTION");
        assertThat(paid.status()).isEqualTo(200);
        assertThat(sandbox.paymentsByMerchantUid("ord_1")).hasSize(1);
    }

    @Test
    void unknownOutcome_isRefused() throws IOException {
        String sessionId = browser.openOk(windowParams("kakaopay", "card", "ord_1", 8900), "pc");

        BrowserClient.Reply reply = browser.complete(sessionId, "refund");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(sandbox.paymentsByMerchantUid("ord_1")).isEmpty();
    }

    @Test
    void tamper_paysTheTamperedAmountPastThePreparedAmount() throws IOException {
        api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", 8900));
        String sessionId = browser.openOk(windowParams("kakaopay", "card", "ord_1", 8900), "pc");

        BrowserClient.Reply reply = browser.complete(sessionId, Map.of("outcome", "tamper", "amount", 100));

        assertThat(reply.json().get("rsp").get("success").asBoolean()).isTrue();
        JsonNode payment = api.get("/payments/" + reply.text("imp_uid")).response();
        assertThat(payment.get("status").asText()).isEqualTo("paid");
        assertThat(payment.get("amount").asLong()).isEqualTo(100);
    }

    @Test
    void tamper_withoutAmount_isRefused() throws IOException {
        String sessionId = browser.openOk(windowParams("kakaopay", "card", "ord_1", 8900), "pc");

        BrowserClient.Reply reply = browser.complete(sessionId, "tamper");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(sandbox.paymentsByMerchantUid("ord_1")).isEmpty();
    }

    @Test
    void pay_paramsAmountDiffersFromPrepared_isRefusedLikeTheRealWindow() throws IOException {
        api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", 8900));
        String sessionId = browser.openOk(windowParams("kakaopay", "card", "ord_1", 100), "pc");

        BrowserClient.Reply reply = browser.complete(sessionId, "pay");

        assertThat(reply.json().get("rsp").get("success").asBoolean()).isFalse();
        assertThat(reply.json().get("imp_uid").isNull()).isTrue();
        assertThat(sandbox.paymentsByMerchantUid("ord_1")).isEmpty();
    }

    @Test
    void secondComplete_is409WithTheFirstResult() throws IOException {
        String sessionId = browser.openOk(windowParams("kakaopay", "card", "ord_1", 8900), "pc");
        BrowserClient.Reply first = browser.complete(sessionId, "pay");

        BrowserClient.Reply second = browser.complete(sessionId, "cancel");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("error_code")).isEqualTo("SESSION_COMPLETED");
        JsonNode result = second.json().get("result");
        assertThat(result.get("imp_uid").asText()).isEqualTo(first.text("imp_uid"));
        assertThat(result.get("rsp").get("success").asBoolean()).isTrue();
        assertThat(sandbox.paymentsByMerchantUid("ord_1")).hasSize(1);
    }

    @Test
    void completedWindowPage_saysSo() throws IOException {
        String sessionId = browser.openOk(windowParams("kakaopay", "card", "ord_1", 8900), "pc");
        browser.complete(sessionId, "pay");

        assertThat(browser.get("/window/" + sessionId).body()).contains("\"completed\":true");
    }

    @Test
    void unknownSession_is404() throws IOException {
        BrowserClient.Reply reply = browser.complete("win_0123456789abcdef", "pay");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("error_code")).isEqualTo("SESSION_NOT_FOUND");
    }

    @Test
    void pay_sendsTheWebhookToNoticeUrl() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, Object> params = windowParams("kakaopay", "card", "ord_1", 8900);
            params.put("notice_url", receiver.url().toString());
            String sessionId = browser.openOk(params, "pc");

            String impUid = browser.complete(sessionId, "pay").text("imp_uid");

            assertThat(receiver.await(1, WAIT)).isTrue();
            JsonNode webhook = SandboxApiClient.json(receiver.received().get(0).body());
            assertThat(webhook.get("imp_uid").asText()).isEqualTo(impUid);
            assertThat(webhook.get("merchant_uid").asText()).isEqualTo("ord_1");
            assertThat(webhook.get("status").asText()).isEqualTo("paid");
        }
    }

    @Test
    void cancel_sendsNoWebhook() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, Object> params = windowParams("kakaopay", "card", "ord_1", 8900);
            params.put("notice_url", receiver.url().toString());

            browser.complete(browser.openOk(params, "pc"), "cancel");

            assertThat(receiver.await(1, QUIET_PERIOD)).isFalse();
        }
    }

    @Test
    void pay_doesNotWaitForTheWebhook() throws Exception {
        // accepts connections but never answers: a webhook endpoint that hangs
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Map<String, Object> params = windowParams("kakaopay", "card", "ord_1", 8900);
            params.put("notice_url", "http://127.0.0.1:" + silent.getLocalPort() + "/webhooks/iamport");
            String sessionId = browser.openOk(params, "pc");

            long started = System.nanoTime();
            BrowserClient.Reply reply = browser.complete(sessionId, "pay");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
            assertThat(sandbox.webhookDeliveries()).isEmpty();
        }
    }

    // --- redirect mode ---

    @Test
    void pay_onMobile_answersRedirectToMRedirectUrlAndNoRsp() throws IOException {
        Map<String, Object> params = windowParams("kakaopay", "card", "ord_1", 8900);
        params.put("m_redirect_url", "https://shop.example/payments/complete");
        String sessionId = browser.openOk(params, "mobile");

        BrowserClient.Reply reply = browser.complete(sessionId, "pay");

        assertThat(reply.text("redirect_url")).isEqualTo("https://shop.example/payments/complete?imp_success=true&imp_uid="
                + reply.text("imp_uid") + "&merchant_uid=ord_1");
        assertThat(reply.json().get("rsp").isNull()).isTrue();
        assertThat(api.get("/payments/" + reply.text("imp_uid")).response().get("channel").asText()).isEqualTo("mobile");
    }

    @Test
    void fail_onMobile_redirectCarriesTheEncodedError() throws IOException {
        Map<String, Object> params = windowParams("kakaopay", "card", "ord_1", 8900);
        params.put("m_redirect_url", "https://shop.example/complete?lang=ko#top");
        String sessionId = browser.openOk(params, "mobile");

        BrowserClient.Reply reply = browser.complete(sessionId, Map.of("outcome", "fail", "fail_reason", "한도 초과 & 거절"));

        URI redirect = URI.create(reply.text("redirect_url"));
        assertThat(redirect.getRawFragment()).isEqualTo("top");
        Map<String, String> query = FormCodec.decode(redirect.getRawQuery());
        assertThat(query).containsEntry("lang", "ko").containsEntry("imp_success", "false")
                .containsEntry("merchant_uid", "ord_1").containsEntry("imp_uid", reply.text("imp_uid"))
                .containsEntry("error_msg", "한도 초과 & 거절").containsKey("error_code");
        assertThat(redirect.getRawQuery()).doesNotContain(" ", "한");
    }

    @Test
    void pay_chaiOnPc_redirects() throws IOException {
        Map<String, Object> params = windowParams("chai", "trans", "ord_1", 8900);
        params.put("m_redirect_url", "https://shop.example/complete?");
        String sessionId = browser.openOk(params, "pc");

        BrowserClient.Reply reply = browser.complete(sessionId, "pay");

        assertThat(reply.text("redirect_url")).startsWith("https://shop.example/complete?imp_success=true&imp_uid=");
        assertThat(sandbox.payment(reply.text("imp_uid")).orElseThrow().isPaid()).isTrue();
    }
}
