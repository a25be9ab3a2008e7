package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AgainTest extends SandboxTestSupport {

    @Test
    void again_approvingCard_paysWithApiChannelAndFiresPaidWebhook() throws IOException {
        issueTossKey("cust_1");
        sandbox.setConsoleWebhookUrl(URI.create("http://127.0.0.1:9/unreachable"));

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900));

        JsonNode payment = reply.response();
        assertThat(reply.code()).isZero();
        assertThat(payment.get("status").asText()).isEqualTo("paid");
        assertThat(payment.get("amount").asLong()).isEqualTo(8900);
        assertThat(payment.get("channel").asText()).isEqualTo("api");
        assertThat(payment.get("pay_method").asText()).isEqualTo("card");
        assertThat(payment.get("customer_uid").asText()).isEqualTo("cust_1");
        assertThat(payment.get("customer_uid_usage").asText()).isEqualTo("payment");
        assertThat(payment.get("card_number").asText()).isEqualTo("536181******4021");
        assertThat(payment.get("paid_at").asLong()).isPositive();
        assertThat(sandbox.awaitWebhooks(1, WAIT)).isTrue();
        assertThat(sandbox.webhookDeliveries().get(0).fields())
                .containsEntry("imp_uid", payment.get("imp_uid").asText()).containsEntry("status", "paid");
    }

    @Test
    void again_declineAsFailedStatus_answersCode0WithFailedPaymentAndNoWebhook() throws IOException {
        issueTossKey("cust_1");
        sandbox.setCardBehaviour("cust_1", CardBehaviour.declineAsFailedStatus("잔액부족"));
        sandbox.setConsoleWebhookUrl(URI.create("http://127.0.0.1:9/unreachable"));

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900));

        assertThat(reply.code()).isZero();
        assertThat(reply.response().get("status").asText()).isEqualTo("failed");
        assertThat(reply.response().get("fail_reason").asText()).isEqualTo("잔액부족");
        assertThat(reply.response().get("failed_at").asLong()).isPositive();
        assertThat(sandbox.awaitWebhooks(1, QUIET_PERIOD)).isFalse();
    }

    @Test
    void again_declineAsCodeMinusOne_answersCodeMinusOneAndLeavesFailedAttempt() throws IOException {
        issueTossKey("cust_1");
        sandbox.setCardBehaviour("cust_1", CardBehaviour.declineAsCodeMinusOne("결제승인에 실패하였습니다. [2116]개인 월 한도금액 초과"));

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.message()).contains("[2116]");
        assertThat(reply.response().isNull()).isTrue();
        assertThat(api.get("/payments/find/sub_1").response().get("status").asText()).isEqualTo("failed");
    }

    @Test
    void again_unknownCustomerUid_answersCodeMinusOne() throws IOException {
        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/again", againBody("cust_unknown", "sub_1", 8900));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.message()).isEqualTo("등록되지 않은 구매자입니다.");
        assertThat(reply.response().isNull()).isTrue();
    }

    @Test
    void again_merchantUidAlreadyPaid_answersCode1AndDoesNotChargeAgain() throws IOException {
        issueTossKey("cust_1");
        api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900));

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900));

        assertThat(reply.code()).isEqualTo(1);
        assertThat(reply.message()).contains("이미 결제가 이루어진 거래건입니다");
        assertThat(sandbox.paymentsByMerchantUid("sub_1")).hasSize(1);
    }

    @Test
    void again_afterFailedAttempt_sameMerchantUidCanBeCharged() throws IOException {
        issueTossKey("cust_1");
        sandbox.setCardBehaviour("cust_1", CardBehaviour.declineAsFailedStatus("잔액부족"));
        api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900));
        sandbox.setCardBehaviour("cust_1", CardBehaviour.approve());

        SandboxApiClient.Reply retry = api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900));

        assertThat(retry.response().get("status").asText()).isEqualTo("paid");
        assertThat(sandbox.paymentsByMerchantUid("sub_1")).extracting(Payment::status)
                .containsExactly(Payment.Status.FAILED, Payment.Status.PAID);
    }

    @Test
    void again_withoutName_gets400() throws IOException {
        issueTossKey("cust_1");
        Map<String, Object> body = againBody("cust_1", "sub_1", 8900);
        body.remove("name");

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/again", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("name");
        assertThat(sandbox.paymentsByMerchantUid("sub_1")).isEmpty();
    }

    @Test
    void again_twentyConcurrentCallsForOneMerchantUid_chargeExactlyOnce() throws Exception {
        issueTossKey("cust_1");
        String token = api.token();
        List<Callable<SandboxApiClient.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900), token));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> codes = new ArrayList<>();
        try {
            for (Future<SandboxApiClient.Reply> reply : pool.invokeAll(calls)) {
                codes.add(reply.get().code());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(codes).containsOnlyOnce(0).containsOnly(0, 1);
        assertThat(sandbox.paymentsByMerchantUid("sub_1")).hasSize(1);
    }

    @Test
    void again_withChannelKey_chargesThroughThatChannel() throws IOException {
        issueTossKey("cust_1");
        Map<String, Object> body = againBody("cust_1", "sub_1", 8900);
        body.put("channel_key", "channel-key-tosspayments");

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/again", body);

        assertThat(reply.code()).isZero();
        assertThat(reply.response().get("pg_provider").asText()).isEqualTo("tosspayments");
        assertThat(reply.response().get("pg_id").asText()).isEqualTo("tosspayments_sandbox");
    }

    @Test
    void again_withUnknownChannelKey_isRefusedAndChargesNothing() throws IOException {
        issueTossKey("cust_1");
        Map<String, Object> body = againBody("cust_1", "sub_1", 8900);
        body.put("channel_key", "channel-key-nobody");

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/again", body);

        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.message()).isEqualTo(ChannelRegistry.UNKNOWN_CHANNEL);
        assertThat(sandbox.paymentsByMerchantUid("sub_1")).isEmpty();
    }
}
