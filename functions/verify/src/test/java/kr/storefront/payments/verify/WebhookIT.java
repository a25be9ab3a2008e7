package kr.storefront.payments.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.checkout.CheckoutParams;
import kr.storefront.payments.core.checkout.Device;
import kr.storefront.payments.core.confirm.WebhookDelivery;
import kr.storefront.payments.core.confirm.WebhookLog;
import kr.storefront.payments.core.confirm.WebhookVerdict;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.WebhookFormat;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** i'mport's notification: both content types, ordering against the redirect, duplicates, forgeries, outages. */
class WebhookIT extends VerifyIntegrationTest {

    @BeforeEach
    void reset() {
        verify.bed.sandbox().faults().clear();
        verify.webhooksAs(WebhookFormat.JSON);
    }

    @Test
    void paidViaWebhook_json() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.PC);

        WindowResult window = payAndAwaitWebhooks(order, 1);

        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(lastDelivery().responseStatus()).isEqualTo(200);
        assertThat(audit(window.impUid())).singleElement().satisfies(record -> {
            assertThat(record.verdict()).isEqualTo(WebhookVerdict.HANDLED);
            assertThat(record.status()).isEqualTo("paid");
            assertThat(record.sourceIp()).isEqualTo("127.0.0.1");
            assertThat(record.expiresAt()).isAfter(record.receivedAt().plus(Duration.ofDays(89)));
        });
    }

    @Test
    void paidViaWebhook_form() {
        verify.webhooksAs(WebhookFormat.FORM);
        CheckoutParams order = verify.order("payco", "card", Device.PC);

        payAndAwaitWebhooks(order, 1);

        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(lastDelivery().responseStatus()).isEqualTo(200);
    }

    @Test
    void webhookBeforeTheRedirect_bothConverge_withOneTransition() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        int before = verify.bed.sandbox().webhookDeliveries().size();
        WindowResult window = verify.pay(order, WindowRequest.Device.MOBILE, WindowOutcome.pay());
        assertThat(verify.bed.sandbox().awaitWebhooks(before + 1, Duration.ofSeconds(10))).isTrue();

        HttpApiResponse redirect = verify.follow(window.redirect().orElseThrow());

        assertThat(redirect.header("Location")).endsWith("&status=paid");
        assertThat(verify.stored(order.merchantUid()).version()).isEqualTo(2);
    }

    @Test
    void webhookAfterTheRedirect_findsTheWorkDone() {
        verify.bed.sandbox().faults().holdWebhooks();
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        WindowResult window = verify.pay(order, WindowRequest.Device.MOBILE, WindowOutcome.pay());

        assertThat(verify.follow(window.redirect().orElseThrow()).header("Location")).endsWith("&status=paid");
        int before = verify.bed.sandbox().webhookDeliveries().size();
        verify.bed.sandbox().faults().releaseHeldWebhooks(false);
        verify.bed.sandbox().awaitWebhooks(before + 1, Duration.ofSeconds(10));

        assertThat(lastDelivery().responseStatus()).isEqualTo(200);
        assertThat(verify.stored(order.merchantUid()).version()).isEqualTo(2);
        assertThat(audit(window.impUid())).singleElement().extracting(WebhookDelivery::detail).isEqualTo("no change, PAID");
    }

    @Test
    void duplicateWebhook_isAnsweredTwice_andAppliedOnce() {
        verify.bed.sandbox().faults().duplicateWebhooks(1);
        CheckoutParams order = verify.order("kakaopay", null, Device.PC);

        WindowResult window = payAndAwaitWebhooks(order, 2);

        assertThat(verify.bed.sandbox().webhookDeliveries()).filteredOn(d -> window.impUid().equals(d.fields().get("imp_uid")))
                .hasSize(2).allSatisfy(d -> assertThat(d.responseStatus()).isEqualTo(200));
        assertThat(verify.stored(order.merchantUid()).version()).isEqualTo(2);
        assertThat(audit(window.impUid())).extracting(WebhookDelivery::detail).containsExactlyInAnyOrder("now PAID", "no change, PAID");
    }

    @Test
    void forgedWebhook_forAnUnknownImpUid_is404_andChangesNothing() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.PC);

        var delivery = verify.bed.sandbox().sendWebhook(verify.bridge.url("/webhooks/iamport"), WebhookFormat.JSON,
                Map.of("imp_uid", "imp_999999999999", "merchant_uid", order.merchantUid(), "status", "paid"));

        assertThat(delivery.responseStatus()).isEqualTo(404);
        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void forgedWebhook_withTheImpUidOfAnotherOrder_is400() {
        CheckoutParams victim = verify.order("tosspayments", "card", Device.PC);
        CheckoutParams paid = verify.order("tosspayments", "card", Device.PC);
        WindowResult window = payAndAwaitWebhooks(paid, 1);

        var delivery = verify.bed.sandbox().sendWebhook(verify.bridge.url("/webhooks/iamport"), WebhookFormat.JSON,
                Map.of("imp_uid", window.impUid(), "merchant_uid", victim.merchantUid(), "status", "paid"));

        assertThat(delivery.responseStatus()).isEqualTo(400);
        assertThat(verify.stored(victim.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON              | application/json                  | {imp_uid:",
        "JSON array            | application/json                  | [\"imp_1\"]",
        "no imp_uid            | application/json                  | {\"merchant_uid\":\"ord_x\",\"status\":\"paid\"}",
        "imp_uid as a number   | application/json                  | {\"imp_uid\":123,\"status\":\"paid\"}",
        "imp_uid not i'mport's | application/json                  | {\"imp_uid\":\"../../admin\",\"status\":\"paid\"}",
        "form without imp_uid  | application/x-www-form-urlencoded | merchant_uid=ord_x&status=paid",
        "bad merchant_uid      | application/x-www-form-urlencoded | imp_uid=imp_123&merchant_uid=%3Cscript%3E",
        "empty body            | application/json                  | ' '"})
    void malformedWebhook_is400_inTheStableShape_andRecorded(String description, String contentType, String body) {
        long lookups = verify.bed.sandbox().count(Endpoint.GET_PAYMENT);

        HttpApiResponse response = verify.bed.invoke(HttpApiEvent.request("POST", "/webhooks/iamport")
                .header("content-type", contentType).body(body));

        assertThat(response.status()).as(description).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_request");
        assertThat(response.json().path("request_id").asText()).isNotBlank();
        assertThat(verify.bed.sandbox().count(Endpoint.GET_PAYMENT)).isEqualTo(lookups);
        assertThat(audit("-")).anySatisfy(record -> assertThat(record.detail()).startsWith("malformed"));
    }

    /** A JSON notification is one JSON object and nothing else, raw or base64: a second imp_uid cannot ride along. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "duplicate imp_uid         | false | {\"imp_uid\":\"IMP\",\"imp_uid\":\"imp_000000000001\",\"merchant_uid\":\"ORDER\",\"status\":\"paid\"}",
        "duplicate status          | false | {\"imp_uid\":\"IMP\",\"merchant_uid\":\"ORDER\",\"status\":\"paid\",\"status\":\"cancelled\"}",
        "trailing garbage          | false | {\"imp_uid\":\"IMP\",\"merchant_uid\":\"ORDER\",\"status\":\"paid\"} x",
        "second object             | false | {\"imp_uid\":\"IMP\",\"merchant_uid\":\"ORDER\",\"status\":\"paid\"}{\"imp_uid\":\"imp_000000000001\"}",
        "duplicate key, base64     | true  | {\"imp_uid\":\"IMP\",\"merchant_uid\":\"ORDER\",\"merchant_uid\":\"ORDER\",\"status\":\"paid\"}",
        "trailing content, base64  | true  | {\"imp_uid\":\"IMP\",\"merchant_uid\":\"ORDER\",\"status\":\"paid\"} []"})
    void jsonWebhook_notExactlyOneValue_is400_recorded_andConfirmsNothing(String description, boolean base64, String template) {
        CheckoutParams order = verify.order("tosspayments", "card", Device.PC);
        verify.bed.sandbox().faults().dropWebhooks(1);
        WindowResult window = verify.pay(order, WindowRequest.Device.PC, WindowOutcome.pay());
        String body = template.replace("IMP", window.impUid()).replace("ORDER", order.merchantUid());
        HttpApiEvent webhook = HttpApiEvent.request("POST", "/webhooks/iamport");
        int malformedBefore = audit("-").size();

        HttpApiResponse response = verify.bed.invoke(base64 ? webhook.base64Body(body) : webhook.body(body));

        assertThat(response.status()).as(description).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_request");
        assertThat(response.json().path("error").path("details")).extracting(d -> d.path("field").asText()).containsExactly("body");
        assertThat(response.body()).doesNotContain(window.impUid()).doesNotContain(order.merchantUid());
        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(audit("-")).hasSize(malformedBefore + 1)
                .allSatisfy(record -> assertThat(record.detail()).startsWith("malformed").doesNotContain(window.impUid()));
    }

    @Test
    void base64EncodedFormBody_fromApiGateway_isRead() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.PC);
        verify.bed.sandbox().faults().dropWebhooks(1);
        WindowResult window = verify.pay(order, WindowRequest.Device.PC, WindowOutcome.pay());

        HttpApiResponse response = verify.bed.invoke(HttpApiEvent.request("POST", "/webhooks/iamport")
                .header("content-type", "application/x-www-form-urlencoded")
                .base64Body("imp_uid=" + window.impUid() + "&merchant_uid=" + order.merchantUid() + "&status=paid"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void iamportDown_webhookAsksForARetry_andTheResendSucceeds() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.PC);
        verify.bed.sandbox().faults().dropWebhooks(1);
        WindowResult window = verify.pay(order, WindowRequest.Device.PC, WindowOutcome.pay());
        verify.bed.sandbox().faults().failNext(Endpoint.GET_PAYMENT, 10, 503);
        Map<String, String> body = Map.of("imp_uid", window.impUid(), "merchant_uid", order.merchantUid(), "status", "paid");

        var first = verify.bed.sandbox().sendWebhook(verify.bridge.url("/webhooks/iamport"), WebhookFormat.JSON, body);
        verify.bed.sandbox().faults().clear();
        var resend = verify.bed.sandbox().sendWebhook(verify.bridge.url("/webhooks/iamport"), WebhookFormat.JSON, body);

        assertThat(first.responseStatus()).isEqualTo(503);
        assertThat(resend.responseStatus()).isEqualTo(200);
        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(audit(window.impUid())).extracting(WebhookDelivery::verdict)
                .containsExactly(WebhookVerdict.RETRY_LATER, WebhookVerdict.HANDLED);
    }

    @Test
    void sourceAllowlist_whenConfigured_refusesOtherSenders(AwsEmulator emulator) {
        try (VerifyTestSupport guarded = VerifyTestSupport.start(emulator, Map.of("webhook.allowed-source-ips",
                "52.78.100.19,52.78.48.223,52.78.5.241"))) {
            CheckoutParams order = guarded.order("tosspayments", "card", Device.PC);
            guarded.bed.sandbox().faults().dropWebhooks(1);
            WindowResult window = guarded.pay(order, WindowRequest.Device.PC, WindowOutcome.pay());
            HttpApiEvent webhook = HttpApiEvent.request("POST", "/webhooks/iamport")
                    .body("{\"imp_uid\":\"" + window.impUid() + "\",\"merchant_uid\":\"" + order.merchantUid() + "\",\"status\":\"paid\"}");

            HttpApiResponse stranger = guarded.bed.invoke(webhook.sourceIp("198.51.100.7"));
            assertThat(stranger.status()).isEqualTo(403);
            assertThat(guarded.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);

            HttpApiResponse iamport = guarded.bed.invoke(webhook.sourceIp("52.78.5.241"));
            assertThat(iamport.status()).isEqualTo(200);
            assertThat(guarded.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        }
    }

    @Test
    void consoleRefund_partThenTheRest_viaTheCancelledWebhook_refundsTheOrderFromCancelHistory() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.PC);
        WindowResult window = payAndAwaitWebhooks(order, 1);
        long cancelsBefore = verify.bed.sandbox().count(Endpoint.CANCEL);

        int before = verify.bed.sandbox().webhookDeliveries().size();
        verify.bed.sandbox().cancelFromConsole(window.impUid(), 6_000L);
        assertThat(verify.bed.sandbox().awaitWebhooks(before + 1, Duration.ofSeconds(10))).isTrue();

        var partly = verify.stored(order.merchantUid());
        assertThat(lastDelivery().responseStatus()).isEqualTo(200);
        assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(partly.refundedAmount()).isEqualTo(6_000);
        assertThat(partly.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.refundId()).isNull();
            assertThat(refund.pgTid()).isNotBlank();
            assertThat(refund.amount()).isEqualTo(6_000);
            assertThat(refund.reason()).isEqualTo("관리자 콘솔에서 취소");
        });

        verify.bed.sandbox().cancelFromConsole(window.impUid());
        assertThat(verify.bed.sandbox().awaitWebhooks(before + 2, Duration.ofSeconds(10))).isTrue();

        var refunded = verify.stored(order.merchantUid());
        assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(refunded.refundedAmount()).isEqualTo(VerifyTestSupport.PRICE);
        assertThat(refunded.refunds()).hasSize(2);
        assertThat(audit(window.impUid())).extracting(WebhookDelivery::detail).contains("now PARTIALLY_REFUNDED", "now REFUNDED");
        // i'mport was asked for nothing but lookups: the confirm step never refunds a console refund again
        assertThat(verify.bed.sandbox().count(Endpoint.CANCEL)).isEqualTo(cancelsBefore);
    }

    private WindowResult payAndAwaitWebhooks(CheckoutParams order, int expected) {
        int before = verify.bed.sandbox().webhookDeliveries().size();
        WindowResult window = verify.pay(order, WindowRequest.Device.PC, WindowOutcome.pay());
        assertThat(verify.bed.sandbox().awaitWebhooks(before + expected, Duration.ofSeconds(10))).isTrue();
        return window;
    }

    private kr.storefront.payments.testkit.iamport.WebhookDelivery lastDelivery() {
        List<kr.storefront.payments.testkit.iamport.WebhookDelivery> deliveries = verify.bed.sandbox().webhookDeliveries();
        return deliveries.get(deliveries.size() - 1);
    }

    private List<WebhookDelivery> audit(String impUid) {
        return verify.bed.bean(WebhookLog.class).deliveries(impUid);
    }
}
