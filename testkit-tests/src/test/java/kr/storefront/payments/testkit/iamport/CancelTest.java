package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CancelTest extends SandboxTestSupport {

    private String paidVbankPayment(String merchantUid, long amount) {
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(windowParams("tosspayments", "vbank", merchantUid,
                amount)).outcome(WindowOutcome.issueVbank()).build());
        return sandbox.depositVbank(result.impUid()).impUid();
    }

    @Test
    void cancel_vbankWithoutTheRefundAccount_isRefused_andWithIt_isRefunded() throws IOException {
        String impUid = paidVbankPayment("ord_v", 10000);

        SandboxApiClient.Reply refused = api.postJson("/payments/cancel",
                Map.of("imp_uid", impUid, "amount", 3000, "checksum", 10000, "refund_holder", "홍길동"));
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.message()).contains("refund_account");
        assertThat(sandbox.payment(impUid).orElseThrow().cancelAmount()).isZero();

        SandboxApiClient.Reply refunded = api.postJson("/payments/cancel", Map.of("imp_uid", impUid, "amount", 3000,
                "checksum", 10000, "refund_holder", "홍길동", "refund_bank", "004", "refund_account", "12345678901234"));
        assertThat(refunded.code()).isZero();
        assertThat(refunded.response().get("cancel_amount").asLong()).isEqualTo(3000);
    }

    @Test
    void cancel_fromTheConsole_partOfAVbankPayment_needsNoAccountFromTheApi() {
        String impUid = paidVbankPayment("ord_v", 10000);

        Payment after = sandbox.cancelFromConsole(impUid, 4000L);

        assertThat(after.cancelAmount()).isEqualTo(4000);
        assertThat(after.status()).isEqualTo(Payment.Status.PAID);
        assertThat(after.cancelHistory()).hasSize(1);
    }

    @Test
    void cancel_appliedThenTimedOut_theRefundIsInTheCancelHistory() throws IOException {
        String impUid = paidCardPayment("ord_t", 10000).impUid();
        sandbox.faults().timeoutAfterApply(Endpoint.CANCEL, 1, Duration.ofSeconds(2));
        var impatient = new SandboxApiClient(sandbox, Duration.ofMillis(300));
        String token = api.token();

        assertThatThrownBy(() -> impatient.postJson("/payments/cancel",
                Map.of("imp_uid", impUid, "amount", 2500, "checksum", 10000), token)).isInstanceOf(HttpTimeoutException.class);

        JsonNode payment = api.get("/payments/" + impUid).response();
        assertThat(payment.get("cancel_amount").asLong()).isEqualTo(2500);
        assertThat(payment.get("cancel_history").get(0).get("amount").asLong()).isEqualTo(2500);
        SandboxApiClient.Reply retry = api.postJson("/payments/cancel", Map.of("imp_uid", impUid, "amount", 2500, "checksum", 10000));
        assertThat(retry.code()).isEqualTo(1);
        assertThat(retry.message()).contains("checksum");
    }

    @Test
    void cancel_partialWithMatchingChecksum_refundsAndStaysPaid() throws IOException {
        String impUid = paidCardPayment("ord_1", 10000).impUid();

        SandboxApiClient.Reply reply = api.postJson("/payments/cancel",
                Map.of("imp_uid", impUid, "amount", 3000, "checksum", 10000, "reason", "부분 환불"));

        JsonNode payment = reply.response();
        assertThat(reply.code()).isZero();
        assertThat(payment.get("status").asText()).isEqualTo("paid");
        assertThat(payment.get("cancel_amount").asLong()).isEqualTo(3000);
        assertThat(payment.get("cancelled_at").asLong()).isZero();
        JsonNode entry = payment.get("cancel_history").get(0);
        assertThat(entry.get("amount").asLong()).isEqualTo(3000);
        assertThat(entry.get("reason").asText()).isEqualTo("부분 환불");
        assertThat(entry.get("cancellation_id").asText()).isNotBlank();
        assertThat(entry.get("pg_tid").asText()).isNotBlank();
        assertThat(entry.get("cancelled_at").asLong()).isPositive();
    }

    @Test
    void cancel_partialsUpToTheBalance_endCancelled() throws IOException {
        String impUid = paidCardPayment("ord_1", 10000).impUid();
        api.postJson("/payments/cancel", Map.of("imp_uid", impUid, "amount", 3000, "checksum", 10000));

        JsonNode payment = api.postJson("/payments/cancel", Map.of("imp_uid", impUid, "amount", 7000, "checksum", 7000)).response();

        assertThat(payment.get("status").asText()).isEqualTo("cancelled");
        assertThat(payment.get("cancel_amount").asLong()).isEqualTo(10000);
        assertThat(payment.get("cancel_history")).hasSize(2);
        assertThat(payment.get("cancelled_at").asLong()).isPositive();
    }

    @Test
    void cancel_checksumNotMatchingBalance_isRefusedWithCode1() throws IOException {
        String impUid = paidCardPayment("ord_1", 10000).impUid();
        api.postJson("/payments/cancel", Map.of("imp_uid", impUid, "amount", 3000));

        SandboxApiClient.Reply reply = api.postJson("/payments/cancel", Map.of("imp_uid", impUid, "amount", 3000, "checksum", 10000));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo(1);
        assertThat(reply.message()).contains("checksum");
        assertThat(sandbox.payment(impUid).orElseThrow().cancelAmount()).isEqualTo(3000);
    }

    @Test
    void cancel_withoutAmount_refundsEverything() throws IOException {
        String impUid = paidCardPayment("ord_1", 10000).impUid();

        JsonNode payment = api.postJson("/payments/cancel", Map.of("imp_uid", impUid, "reason", "주문 취소")).response();

        assertThat(payment.get("status").asText()).isEqualTo("cancelled");
        assertThat(payment.get("cancel_amount").asLong()).isEqualTo(10000);
        assertThat(payment.get("cancel_reason").asText()).isEqualTo("주문 취소");
    }

    @Test
    void cancel_byMerchantUid_refundsItsPaidPayment() throws IOException {
        paidCardPayment("ord_1", 10000);

        SandboxApiClient.Reply reply = api.postJson("/payments/cancel", Map.of("merchant_uid", "ord_1"));

        assertThat(reply.response().get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void cancel_unknownPayment_answersCode1WithNullResponse() throws IOException {
        SandboxApiClient.Reply reply = api.postJson("/payments/cancel", Map.of("imp_uid", "imp_999999999999"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo(1);
        assertThat(reply.message()).isEqualTo("취소할 결제건이 존재하지 않습니다.");
        assertThat(reply.response().isNull()).isTrue();
    }

    @Test
    void cancel_alreadyCancelled_answersCode1() throws IOException {
        String impUid = paidCardPayment("ord_1", 10000).impUid();
        api.postJson("/payments/cancel", Map.of("imp_uid", impUid));

        SandboxApiClient.Reply reply = api.postJson("/payments/cancel", Map.of("imp_uid", impUid));

        assertThat(reply.code()).isEqualTo(1);
        assertThat(reply.message()).isEqualTo("취소할 결제건이 존재하지 않습니다.");
    }

    @Test
    void cancel_amountAboveBalance_answersCode1() throws IOException {
        String impUid = paidCardPayment("ord_1", 10000).impUid();

        SandboxApiClient.Reply reply = api.postJson("/payments/cancel", Map.of("imp_uid", impUid, "amount", 10001));

        assertThat(reply.code()).isEqualTo(1);
        assertThat(sandbox.payment(impUid).orElseThrow().cancelAmount()).isZero();
    }

    @Test
    void cancel_unpaidVirtualAccount_answersCode1() throws IOException {
        String impUid = sandbox.completeWindow(WindowRequest.builder(windowParams("tosspayments", "vbank", "ord_1", 10000))
                .outcome(WindowOutcome.issueVbank()).build()).impUid();

        SandboxApiClient.Reply reply = api.postJson("/payments/cancel", Map.of("imp_uid", impUid));

        assertThat(reply.code()).isEqualTo(1);
        assertThat(sandbox.payment(impUid).orElseThrow().status()).isEqualTo(Payment.Status.READY);
    }

    @Test
    void cancel_withoutImpUidOrMerchantUid_gets400() throws IOException {
        assertThat(api.postJson("/payments/cancel", Map.of("reason", "?")).status()).isEqualTo(400);
    }
}
