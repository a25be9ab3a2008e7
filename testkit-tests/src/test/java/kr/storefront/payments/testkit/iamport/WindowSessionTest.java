package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening a browser window ({@code POST /window/sessions}) and the window page ({@code GET /window/{id}}). */
class WindowSessionTest extends SandboxTestSupport {

    BrowserClient browser;

    @BeforeEach
    void browser() {
        browser = new BrowserClient(sandbox);
    }

    // --- opening ---

    @Test
    void open_cardOnPc_opensIframeWindowOnTheSandbox() throws IOException {
        BrowserClient.Reply reply = browser.open(windowParams("tosspayments", "card", "ord_1", 8900));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("mode")).isEqualTo("iframe");
        assertThat(reply.text("session_id")).startsWith("win_");
        assertThat(reply.text("window_url")).isEqualTo(sandbox.baseUrl() + "/window/" + reply.text("session_id"));
        assertThat(reply.json().get("expires_at").asLong()).isGreaterThan(sandbox.clock().epochSecond());
    }

    @Test
    void open_chaiOnPc_opensRedirectWindow() throws IOException {
        Map<String, Object> params = windowParams("chai", "trans", "ord_1", 8900);
        params.put("m_redirect_url", "https://shop.example/complete");

        BrowserClient.Reply reply = browser.open(params, "pc");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("mode")).isEqualTo("redirect");
    }

    @Test
    void open_cardOnMobileWithRedirectUrl_opensRedirectWindow() throws IOException {
        Map<String, Object> params = windowParams("kakaopay", "card", "ord_1", 8900);
        params.put("m_redirect_url", "https://shop.example/complete");

        BrowserClient.Reply reply = browser.open(params, "mobile");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("mode")).isEqualTo("redirect");
    }

    @Test
    void open_wrongImpCode_isRefused() throws IOException {
        BrowserClient.Reply reply = browser.open("imp99999999", windowParams("tosspayments", "card", "ord_1", 8900), "pc");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("INVALID_IMP_CODE");
        assertThat(reply.text("error_msg")).isNotBlank();
    }

    @Test
    void open_withoutInit_isRefusedAsWrongImpCode() throws IOException {
        BrowserClient.Reply reply = browser.open(null, windowParams("tosspayments", "card", "ord_1", 8900), "pc");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("INVALID_IMP_CODE");
    }

    @Test
    void open_mobileWithoutRedirectUrl_isRefused() throws IOException {
        BrowserClient.Reply reply = browser.open(windowParams("kakaopay", "card", "ord_1", 8900), "mobile");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("MISSING_REDIRECT_URL");
    }

    @Test
    void open_chaiOnPcWithRelativeRedirectUrl_isRefused() throws IOException {
        Map<String, Object> params = windowParams("chai", "trans", "ord_1", 8900);
        params.put("m_redirect_url", "/payments/complete");

        BrowserClient.Reply reply = browser.open(params, "pc");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("MISSING_REDIRECT_URL");
    }

    @Test
    void open_unknownDevice_isRefused() throws IOException {
        BrowserClient.Reply reply = browser.open(windowParams("tosspayments", "card", "ord_1", 8900), "tablet");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void open_paramsNotAnObject_isRefused() throws IOException {
        BrowserClient.Reply reply = browser.postJson("/window/sessions",
                Map.of("imp_code", sandbox.credentials().impCode(), "params", "ord_1", "device", "pc"),
                BrowserClient.STOREFRONT_ORIGIN);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("INVALID_PARAMS");
    }

    // --- the window page ---

    @Test
    void page_showsTheOrderAndEveryButton() throws IOException {
        String sessionId = browser.openOk(windowParams("tosspayments", "card", "ord_1", 8900), "pc");

        BrowserClient.Reply page = browser.get("/window/" + sessionId);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body())
                .contains("id=\"window-pay\"", "id=\"window-fail\"", "id=\"window-cancel\"", "id=\"window-tamper\"")
                .contains("id=\"window-tamper-amount\"", "value=\"8899\"")
                .contains("8,900원", "Monthly plan", "ord_1", sandbox.credentials().impCode(), "tosspayments")
                .doesNotContain("id=\"window-vbank\"");
    }

    @Test
    void page_forVbank_showsTheVbankButton() throws IOException {
        String sessionId = browser.openOk(windowParams("tosspayments", "vbank", "ord_1", 8900), "pc");

        assertThat(browser.get("/window/" + sessionId).body()).contains("id=\"window-vbank\"");
    }

    @Test
    void page_escapesTheStorefrontsText() throws IOException {
        Map<String, Object> params = windowParams("tosspayments", "card", "ord_1", 8900);
        params.put("name", "<img src=x onerror=alert(1)>");

        String page = browser.get("/window/" + browser.openOk(params, "pc")).body();

        assertThat(page).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void page_postsTheResultToTheStorefrontOrigin() throws IOException {
        String sessionId = browser.openOk(windowParams("tosspayments", "card", "ord_1", 8900), "pc");

        String page = browser.get("/window/" + sessionId).body();

        assertThat(page).contains("\"target_origin\":\"" + BrowserClient.STOREFRONT_ORIGIN + "\"")
                .contains("\"session_id\":\"" + sessionId + "\"", "\"mode\":\"iframe\"");
    }

    @Test
    void page_fromAnOpaqueOrigin_postsToAnyOrigin() throws IOException {
        BrowserClient.Reply opened = browser.postJson("/window/sessions", Map.of("imp_code", sandbox.credentials().impCode(),
                "params", windowParams("tosspayments", "card", "ord_1", 8900), "device", "pc"), "null");

        String page = browser.get("/window/" + opened.text("session_id")).body();

        assertThat(page).contains("\"target_origin\":\"*\"");
    }

    @Test
    void page_unknownSession_is404Page() throws IOException {
        BrowserClient.Reply page = browser.get("/window/win_0123456789abcdef");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"window-missing\"").doesNotContain("id=\"window-pay\"");
    }

    @Test
    void page_afterThirtyMinutes_isGone() throws IOException {
        String sessionId = browser.openOk(windowParams("tosspayments", "card", "ord_1", 8900), "pc");

        sandbox.clock().advance(Duration.ofMinutes(30));

        assertThat(browser.get("/window/" + sessionId).status()).isEqualTo(404);
        assertThat(browser.complete(sessionId, "pay").status()).isEqualTo(404);
    }

    @Test
    void page_afterReset_isGone() throws IOException {
        String sessionId = browser.openOk(windowParams("tosspayments", "card", "ord_1", 8900), "pc");

        sandbox.reset();

        assertThat(browser.get("/window/" + sessionId).status()).isEqualTo(404);
    }
}
