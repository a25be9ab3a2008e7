package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentLookupTest extends SandboxTestSupport {

    @Test
    void getPayment_unknownImpUid_gets404WithMessage() throws IOException {
        SandboxApiClient.Reply reply = api.get("/payments/imp_999999999999");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.message()).isEqualTo("존재하지 않는 결제정보입니다.");
        assertThat(reply.response().isNull()).isTrue();
    }

    @Test
    void getPayment_paidCardPayment_returnsPaymentObjectFieldForField() throws IOException {
        Map<String, Object> params = windowParams("tosspayments.tvivarepublica", "card", "ord_1", 8900);
        params.put("custom_data", Map.of("orderId", 42));
        String impUid = sandbox.completeWindow(WindowRequest.builder(params).build()).impUid();

        JsonNode payment = api.get("/payments/" + impUid).response();

        assertThat(impUid).matches("imp_\\d{12}");
        assertThat(payment.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "imp_uid", "merchant_uid", "pay_method", "channel", "pg_provider", "emb_pg_provider", "pg_tid", "pg_id",
                "sandbox", "escrow", "apply_num", "bank_code", "bank_name", "card_code", "card_name", "card_number",
                "card_quota", "card_type", "vbank_code", "vbank_name", "vbank_num", "vbank_holder", "vbank_date",
                "vbank_issued_at", "name", "amount", "cancel_amount", "currency", "buyer_name", "buyer_email", "buyer_tel",
                "buyer_addr", "buyer_postcode", "custom_data", "user_agent", "status", "started_at", "paid_at", "failed_at",
                "cancelled_at", "fail_reason", "cancel_reason", "receipt_url", "cancel_history", "cash_receipt_issued",
                "customer_uid", "customer_uid_usage", "promotion");
        assertThat(payment.get("pg_provider").asText()).isEqualTo("tosspayments");
        assertThat(payment.get("pg_id").asText()).isEqualTo("tvivarepublica");
        assertThat(payment.get("channel").asText()).isEqualTo("pc");
        assertThat(payment.get("amount").isIntegralNumber()).isTrue();
        assertThat(payment.get("amount").asLong()).isEqualTo(8900);
        assertThat(payment.get("currency").asText()).isEqualTo("KRW");
        assertThat(payment.get("status").asText()).isEqualTo("paid");
        assertThat(payment.get("failed_at").asLong()).isZero();
        assertThat(payment.get("cancelled_at").asLong()).isZero();
        assertThat(payment.get("custom_data").isTextual()).isTrue();
        assertThat(SandboxApiClient.json(payment.get("custom_data").asText()).get("orderId").asInt()).isEqualTo(42);
        assertThat(payment.get("card_number").asText()).isEqualTo("536181******4021");
        assertThat(payment.get("sandbox").asBoolean()).isFalse();
        assertThat(payment.get("emb_pg_provider").isNull()).isTrue();
    }

    @Test
    void getPayment_testChannelPayment_hiddenUnlessIncludeSandbox() throws IOException {
        String impUid = sandbox.completeWindow(WindowRequest.builder(windowParams("kakaopay", "card", "ord_1", 1000))
                .testChannel(true).build()).impUid();

        assertThat(api.get("/payments/" + impUid).status()).isEqualTo(404);
        JsonNode payment = api.get("/payments/" + impUid + "?include_sandbox=true").response();
        assertThat(payment.get("sandbox").asBoolean()).isTrue();
    }

    @Test
    void findPayment_withoutStatus_returnsLatestStartedAttempt() throws IOException {
        sandbox.completeWindow(WindowRequest.builder(windowParams("payco", "card", "ord_1", 1000))
                .outcome(WindowOutcome.fail("잔액부족")).build());
        sandbox.clock().advance(Duration.ofSeconds(5));
        String second = sandbox.completeWindow(WindowRequest.builder(windowParams("payco", "card", "ord_1", 1000))
                .outcome(WindowOutcome.userCancel()).build()).impUid();

        SandboxApiClient.Reply reply = api.get("/payments/find/ord_1");

        assertThat(reply.response().get("imp_uid").asText()).isEqualTo(second);
        assertThat(reply.response().get("status").asText()).isEqualTo("ready");
    }

    @Test
    void findPayment_withStatus_returnsAttemptInThatStatus() throws IOException {
        String failed = sandbox.completeWindow(WindowRequest.builder(windowParams("payco", "card", "ord_1", 1000))
                .outcome(WindowOutcome.fail("잔액부족")).build()).impUid();
        String paid = paidCardPayment("ord_1", 1000).impUid();

        assertThat(api.get("/payments/find/ord_1/paid").response().get("imp_uid").asText()).isEqualTo(paid);
        assertThat(api.get("/payments/find/ord_1/failed").response().get("imp_uid").asText()).isEqualTo(failed);
        assertThat(api.get("/payments/find/ord_1/cancelled").status()).isEqualTo(404);
    }

    @Test
    void findPayment_sortingStartedAscending_returnsOldestAttempt() throws IOException {
        String first = sandbox.completeWindow(WindowRequest.builder(windowParams("payco", "card", "ord_1", 1000))
                .outcome(WindowOutcome.fail("잔액부족")).build()).impUid();
        paidCardPayment("ord_1", 1000);

        assertThat(api.get("/payments/find/ord_1?sorting=started").response().get("imp_uid").asText()).isEqualTo(first);
    }

    @Test
    void findPayment_unknownStatus_gets400() throws IOException {
        SandboxApiClient.Reply reply = api.get("/payments/find/ord_1/refunded");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(-1);
    }

    @Test
    void findPayment_unknownMerchantUid_gets404() throws IOException {
        assertThat(api.get("/payments/find/ord_unknown").status()).isEqualTo(404);
    }

    /** find documents no include_sandbox: test-channel payments are found, marked sandbox: true. */
    @Test
    void findPayment_testChannelPayment_isFoundWithSandboxTrue() throws IOException {
        sandbox.completeWindow(WindowRequest.builder(windowParams("kakaopay", "card", "ord_1", 1000)).testChannel(true).build());

        SandboxApiClient.Reply reply = api.get("/payments/find/ord_1/paid");

        assertThat(reply.code()).isZero();
        assertThat(reply.response().get("sandbox").asBoolean()).isTrue();
        assertThat(api.get("/payments/find/ord_1?include_sandbox=true").status()).isEqualTo(400);
    }

    @Test
    void findPayment_encodedMerchantUid_isDecoded() throws IOException {
        paidCardPayment("ord/2026 01", 1000);

        assertThat(api.get("/payments/find/ord%2F2026%2001").response().get("merchant_uid").asText()).isEqualTo("ord/2026 01");
    }
}
