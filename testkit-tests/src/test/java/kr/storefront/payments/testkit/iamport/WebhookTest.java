package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest extends SandboxTestSupport {

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
        sandbox.setConsoleWebhookUrl(receiver.url());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void paidWindow_jsonFormat_postsJsonBodyToConsoleUrl() throws Exception {
        Payment payment = paidCardPayment("ord_1", 8900);

        assertThat(receiver.await(1, WAIT)).isTrue();
        WebhookReceiver.Received webhook = receiver.received().get(0);
        assertThat(webhook.contentType()).startsWith("application/json");
        JsonNode body = SandboxApiClient.json(webhook.body());
        assertThat(body.get("imp_uid").asText()).isEqualTo(payment.impUid());
        assertThat(body.get("merchant_uid").asText()).isEqualTo("ord_1");
        assertThat(body.get("status").asText()).isEqualTo("paid");
        assertThat(sandbox.awaitWebhooks(1, WAIT)).isTrue();
        assertThat(sandbox.webhookDeliveries().get(0).acknowledged()).isTrue();
    }

    @Test
    void paidWindow_formFormat_postsFormBody() throws Exception {
        sandbox.setWebhookFormat(WebhookFormat.FORM);

        Payment payment = paidCardPayment("ord_1", 8900);

        assertThat(receiver.await(1, WAIT)).isTrue();
        WebhookReceiver.Received webhook = receiver.received().get(0);
        assertThat(webhook.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(FormCodec.decode(webhook.body()))
                .containsEntry("imp_uid", payment.impUid()).containsEntry("status", "paid").hasSize(3);
    }

    @Test
    void noticeUrl_overridesConsoleUrl() throws Exception {
        try (WebhookReceiver notice = new WebhookReceiver()) {
            Map<String, Object> params = windowParams("payco", "card", "ord_1", 8900);
            params.put("notice_url", notice.url().toString());

            sandbox.completeWindow(WindowRequest.builder(params).build());

            assertThat(notice.await(1, WAIT)).isTrue();
            assertThat(sandbox.awaitWebhooks(1, WAIT)).isTrue();
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void issuedVbank_firesReadyThenPaidOnDeposit() throws Exception {
        String impUid = sandbox.completeWindow(WindowRequest.builder(windowParams("payco", "vbank", "ord_1", 8900))
                .outcome(WindowOutcome.issueVbank()).build()).impUid();
        assertThat(receiver.await(1, WAIT)).isTrue();

        sandbox.depositVbank(impUid);

        assertThat(receiver.await(2, WAIT)).isTrue();
        assertThat(receiver.received()).extracting(webhook -> SandboxApiClient.json(webhook.body()).get("status").asText())
                .containsExactly("ready", "paid");
    }

    @Test
    void failedWindow_firesNoWebhook() throws Exception {
        sandbox.completeWindow(WindowRequest.builder(windowParams("payco", "card", "ord_1", 8900))
                .outcome(WindowOutcome.fail("잔액부족")).build());

        assertThat(receiver.await(1, QUIET_PERIOD)).isFalse();
    }

    @Test
    void approveLate_firesPaid() throws Exception {
        String impUid = sandbox.completeWindow(WindowRequest.builder(windowParams("payco", "card", "ord_1", 8900))
                .outcome(WindowOutcome.fail("(PG사 결제 장애) Internal error")).build()).impUid();

        sandbox.approveLate(impUid);

        assertThat(receiver.await(1, WAIT)).isTrue();
        assertThat(SandboxApiClient.json(receiver.received().get(0).body()).get("status").asText()).isEqualTo("paid");
    }

    @Test
    void cancelWithEnableWebhook_firesCancelledWithCancellationId() throws Exception {
        Payment payment = paidCardPayment("ord_1", 8900);
        assertThat(receiver.await(1, WAIT)).isTrue();

        JsonNode cancelled = api.postJson("/payments/cancel", Map.of("imp_uid", payment.impUid(), "enable_webhook", true)).response();

        assertThat(receiver.await(2, WAIT)).isTrue();
        JsonNode webhook = SandboxApiClient.json(receiver.received().get(1).body());
        assertThat(webhook.get("status").asText()).isEqualTo("cancelled");
        assertThat(webhook.get("cancellation_id").asText())
                .isEqualTo(cancelled.get("cancel_history").get(0).get("cancellation_id").asText());
    }

    @Test
    void cancelWithoutEnableWebhook_firesNothing() throws Exception {
        Payment payment = paidCardPayment("ord_1", 8900);
        assertThat(receiver.await(1, WAIT)).isTrue();

        api.postJson("/payments/cancel", Map.of("imp_uid", payment.impUid()));

        assertThat(receiver.await(2, QUIET_PERIOD)).isFalse();
    }

    @Test
    void cancelFromConsole_firesCancelled() throws Exception {
        Payment payment = paidCardPayment("ord_1", 8900);

        Payment cancelled = sandbox.cancelFromConsole(payment.impUid());

        assertThat(cancelled.status()).isEqualTo(Payment.Status.CANCELLED);
        assertThat(receiver.await(2, WAIT)).isTrue();
        assertThat(receiver.received()).extracting(webhook -> SandboxApiClient.json(webhook.body()).get("status").asText())
                .containsExactlyInAnyOrder("paid", "cancelled");
    }

    @Test
    void withoutAnyUrl_nothingIsSent() {
        sandbox.setConsoleWebhookUrl(null);

        paidCardPayment("ord_1", 8900);

        assertThat(sandbox.awaitWebhooks(1, QUIET_PERIOD)).isFalse();
    }

    @Test
    void dropWebhooks_nextOneIsNeverDelivered() throws Exception {
        sandbox.faults().dropWebhooks(1);

        paidCardPayment("ord_1", 8900);
        Payment second = paidCardPayment("ord_2", 8900);

        assertThat(receiver.await(1, WAIT)).isTrue();
        assertThat(receiver.await(2, QUIET_PERIOD)).isFalse();
        assertThat(SandboxApiClient.json(receiver.received().get(0).body()).get("imp_uid").asText()).isEqualTo(second.impUid());
    }

    @Test
    void duplicateWebhooks_nextOneIsDeliveredTwice() throws Exception {
        sandbox.faults().duplicateWebhooks(1);

        Payment payment = paidCardPayment("ord_1", 8900);

        assertThat(receiver.await(2, WAIT)).isTrue();
        assertThat(receiver.received()).extracting(webhook -> SandboxApiClient.json(webhook.body()).get("imp_uid").asText())
                .containsExactly(payment.impUid(), payment.impUid());
    }

    @Test
    void holdWebhooks_thenReleaseInReverse_deliversNewestFirst() throws Exception {
        sandbox.faults().holdWebhooks();
        Payment first = paidCardPayment("ord_1", 8900);
        Payment second = paidCardPayment("ord_2", 8900);
        assertThat(receiver.await(1, QUIET_PERIOD)).isFalse();

        sandbox.faults().releaseHeldWebhooks(true);

        assertThat(receiver.received()).extracting(webhook -> SandboxApiClient.json(webhook.body()).get("imp_uid").asText())
                .containsExactly(second.impUid(), first.impUid());
    }

    @Test
    void sendWebhook_deliversForgedBodySynchronously() {
        WebhookDelivery delivery = sandbox.sendWebhook(receiver.url(), WebhookFormat.FORM,
                Map.of("imp_uid", "imp_forged", "merchant_uid", "ord_1", "status", "paid"));

        assertThat(delivery.responseStatus()).isEqualTo(200);
        assertThat(FormCodec.decode(receiver.received().get(0).body())).containsEntry("imp_uid", "imp_forged");
        assertThat(sandbox.webhookDeliveries()).containsExactly(delivery);
    }

    @Test
    void sendWebhook_unreachableReceiver_recordsError() {
        WebhookDelivery delivery = sandbox.sendWebhook(URI.create("http://127.0.0.1:9/webhook"), WebhookFormat.JSON,
                Map.of("imp_uid", "imp_1", "merchant_uid", "ord_1", "status", "paid"));

        assertThat(delivery.acknowledged()).isFalse();
        assertThat(delivery.responseStatus()).isNull();
        assertThat(delivery.error()).isNotBlank();
        assertThat(List.copyOf(sandbox.webhookDeliveries())).hasSize(1);
    }
}
