package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A billing-key window ({@code customer_uid} in the params) run from the browser. */
class BrowserBillingKeyWindowTest extends SandboxTestSupport {

    BrowserClient browser;

    @BeforeEach
    void browser() {
        browser = new BrowserClient(sandbox);
    }

    static Map<String, Object> billingParams(String pg, String customerUid, long amount) {
        Map<String, Object> params = windowParams(pg, "card", "issue_" + customerUid, amount);
        params.put("customer_uid", customerUid);
        params.put("customer_id", "member-42");
        return params;
    }

    @Test
    void page_offersToRegisterTheCard() throws IOException {
        String sessionId = browser.openOk(billingParams("tosspayments", "cust_1", 0), "pc");

        String page = browser.get("/window/" + sessionId).body();

        assertThat(page).contains("id=\"window-pay\"", "카드 등록 / Register card").doesNotContain("id=\"window-vbank\"");
    }

    @Test
    void pay_issuesTheKeyFoundThroughTheApi() throws IOException {
        String sessionId = browser.openOk(billingParams("tosspayments", "cust_1", 8900), "pc");

        BrowserClient.Reply reply = browser.complete(sessionId, "pay");

        assertThat(reply.status()).isEqualTo(200);
        SandboxApiClient.Reply key = api.get("/subscribe/customers/cust_1");
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.code()).isZero();
        assertThat(key.response().get("customer_uid").asText()).isEqualTo("cust_1");
        JsonNode issuance = api.get("/payments/" + reply.text("imp_uid")).response();
        assertThat(issuance.get("amount").asLong()).isZero();
        assertThat(issuance.get("customer_uid_usage").asText()).isEqualTo("issue");
    }

    @Test
    void pay_onKakaopayWithAmount_chargesAndIssues() throws IOException {
        String sessionId = browser.openOk(billingParams("kakaopay", "cust_1", 8900), "pc");

        String page = browser.get("/window/" + sessionId).body();
        BrowserClient.Reply reply = browser.complete(sessionId, "pay");

        assertThat(page).contains("결제하고 카드 등록");
        assertThat(api.get("/payments/" + reply.text("imp_uid")).response().get("amount").asLong()).isEqualTo(8900);
        assertThat(api.get("/subscribe/customers/cust_1").code()).isZero();
    }

    @Test
    void cancel_issuesNoKey() throws IOException {
        String sessionId = browser.openOk(billingParams("tosspayments", "cust_1", 0), "pc");

        browser.complete(sessionId, "cancel");

        assertThat(api.get("/subscribe/customers/cust_1").status()).isEqualTo(404);
    }
}
