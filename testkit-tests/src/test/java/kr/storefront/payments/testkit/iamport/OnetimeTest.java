package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnetimeTest extends SandboxTestSupport {

    @Test
    void onetime_approvingCard_paysWithApiChannel() throws IOException {
        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/onetime", onetimeBody("ord_1"));

        assertThat(reply.code()).isZero();
        assertThat(reply.response().get("status").asText()).isEqualTo("paid");
        assertThat(reply.response().get("channel").asText()).isEqualTo("api");
        assertThat(reply.response().get("pg_provider").asText()).isEqualTo("tosspayments");
        assertThat(reply.response().get("card_number").asText()).isEqualTo("536181******4021");
    }

    @Test
    void onetime_withCustomerUid_savesCardAsBillingKey() throws IOException {
        Map<String, Object> body = onetimeBody("ord_1");
        body.put("customer_uid", "cust_1");

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/onetime", body);

        assertThat(reply.response().get("customer_uid").asText()).isEqualTo("cust_1");
        assertThat(reply.response().get("customer_uid_usage").asText()).isEqualTo("payment");
        assertThat(sandbox.billingKey("cust_1").orElseThrow().card().cardNumber()).isEqualTo("536181******4021");
        assertThat(api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900)).code()).isZero();
    }

    @Test
    void onetime_cardFailingAuthentication_answersCodeMinusOneAndSavesNoKey() throws IOException {
        sandbox.setCardNumberBehaviour(TEST_CARD, CardBehaviour.authenticationFailure());
        Map<String, Object> body = onetimeBody("ord_1");
        body.put("customer_uid", "cust_1");

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/onetime", body);

        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.message()).isEqualTo("카드정보 인증에 실패하였습니다.");
        assertThat(reply.response().isNull()).isTrue();
        assertThat(sandbox.billingKey("cust_1")).isEmpty();
    }

    @Test
    void onetime_cardDecliningAsFailedStatus_answersCode0WithFailedPayment() throws IOException {
        sandbox.setCardNumberBehaviour("5361810000004021", CardBehaviour.declineAsFailedStatus("한도초과"));

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/onetime", onetimeBody("ord_1"));

        assertThat(reply.code()).isZero();
        assertThat(reply.response().get("status").asText()).isEqualTo("failed");
    }

    @Test
    void onetime_withoutCardNumber_gets400() throws IOException {
        Map<String, Object> body = onetimeBody("ord_1");
        body.remove("card_number");

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/onetime", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("card_number");
    }

    @Test
    void onetime_pgWithoutApiMode_answersCodeMinusOne() throws IOException {
        Map<String, Object> body = onetimeBody("ord_1");
        body.put("pg", "kakaopay");

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/onetime", body);

        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.message()).contains("kakaopay");
    }

    private static Map<String, Object> onetimeBody(String merchantUid) {
        var body = new LinkedHashMap<String, Object>();
        body.put("merchant_uid", merchantUid);
        body.put("amount", 8900);
        body.put("card_number", TEST_CARD);
        body.put("expiry", "2030-12");
        body.put("birth", "900101");
        body.put("pwd_2digit", "12");
        body.put("name", "First month");
        return body;
    }
}
