package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/iamport.js}, CORS and routing of the browser-facing endpoints. */
class BrowserScriptTest extends SandboxTestSupport {

    BrowserClient browser;

    @BeforeEach
    void browser() {
        browser = new BrowserClient(sandbox);
    }

    @Test
    void scriptUrl_isTheScriptPathOnTheSandbox() {
        assertThat(sandbox.scriptUrl().toString()).isEqualTo(sandbox.baseUrl() + "/v1/iamport.js");
    }

    @Test
    void script_isServedAsJavascriptWithTheImpContract() throws IOException {
        BrowserClient.Reply reply = browser.get("/v1/iamport.js");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/javascript");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(BrowserClient.STOREFRONT_ORIGIN);
        assertThat(reply.body())
                .contains("window.IMP = {", "init: function", "request_pay: function")
                .contains("document.currentScript", "IMP_SANDBOX_DEVICE", "/Mobi|Android|iPhone|iPad/i")
                .contains("'/window/sessions'", "imp-sandbox-window", "'iamport-sandbox:result'");
    }

    @Test
    void script_messageTypeMatchesTheWindowPage() throws IOException {
        String sessionId = browser.openOk(windowParams("tosspayments", "card", "ord_1", 8900), "pc");

        String page = browser.get("/window/" + sessionId).body();
        String script = browser.get("/v1/iamport.js").body();

        assertThat(page).contains("const RESULT_MESSAGE = 'iamport-sandbox:result';");
        assertThat(script).contains("var RESULT_MESSAGE = 'iamport-sandbox:result';");
    }

    @Test
    void preflight_forOpeningAWindow_allowsTheOriginAndJson() throws IOException {
        BrowserClient.Reply reply = browser.preflight("/window/sessions", "POST");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(BrowserClient.STOREFRONT_ORIGIN);
        assertThat(reply.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(reply.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");
    }

    @Test
    void preflight_forCompletingAWindow_isAnswered() throws IOException {
        String sessionId = browser.openOk(windowParams("tosspayments", "card", "ord_1", 8900), "pc");

        BrowserClient.Reply reply = browser.preflight("/window/sessions/" + sessionId + "/complete", "POST");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(BrowserClient.STOREFRONT_ORIGIN);
    }

    @Test
    void openSession_answerAllowsTheCallingOrigin() throws IOException {
        BrowserClient.Reply reply = browser.open(windowParams("tosspayments", "card", "ord_1", 8900));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(BrowserClient.STOREFRONT_ORIGIN);
    }

    @Test
    void errors_alsoCarryCorsHeaders() throws IOException {
        BrowserClient.Reply reply = browser.open("imp99999999", windowParams("tosspayments", "card", "ord_1", 8900), "pc");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(BrowserClient.STOREFRONT_ORIGIN);
    }

    @Test
    void wrongMethod_is405() throws IOException {
        BrowserClient.Reply reply = browser.get("/window/sessions");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("POST");
    }

    @Test
    void malformedBody_is400() throws IOException {
        BrowserClient.Reply reply = browser.postJson("/window/sessions", "not an object", BrowserClient.STOREFRONT_ORIGIN);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void browserCalls_stayOutOfTheApiJournal() throws IOException {
        browser.get("/v1/iamport.js");
        browser.open(windowParams("tosspayments", "card", "ord_1", 8900));

        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void apiRoutes_stillWorkBesideTheBrowserOnes() throws IOException {
        SandboxApiClient.Reply reply = api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", 8900));

        assertThat(reply.code()).isZero();
        assertThat(api.get("/payments/imp_000000000000").status()).isEqualTo(404);
    }
}
