package kr.storefront.payments.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.checkout.CheckoutParams;
import kr.storefront.payments.core.checkout.Device;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redirect and PC callback: every outcome a payment window can have, confirmed against i'mport. */
class PaymentConfirmationIT extends VerifyIntegrationTest {

    @BeforeEach
    void quietWebhooks() {
        verify.bed.sandbox().faults().clear();
        verify.bed.sandbox().faults().dropWebhooks(Integer.MAX_VALUE); // these tests confirm through the browser only
    }

    @Test
    void paidViaRedirect_ordersIsPaid_andTheBrowserGoesToTheSuccessPage() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        WindowResult window = verify.pay(order, WindowRequest.Device.MOBILE, WindowOutcome.pay());

        HttpApiResponse response = verify.follow(window.redirect().orElseThrow());

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location"))
                .isEqualTo(VerifyTestSupport.SUCCESS + "?merchant_uid=" + order.merchantUid() + "&status=paid");
        Order stored = verify.stored(order.merchantUid());
        assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored.impUid()).isEqualTo(window.impUid());
        assertThat(stored.card()).isNotNull();
    }

    @Test
    void paidViaPcCallback_answersTheConfirmedState() {
        CheckoutParams order = verify.order("kakaopay", null, Device.PC);
        WindowResult window = verify.pay(order, WindowRequest.Device.PC, WindowOutcome.pay());

        HttpApiResponse response = verify.callback(window.impUid(), order.merchantUid());

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asText()).isEqualTo("paid");
        assertThat(body.path("paid").asBoolean()).isTrue();
        assertThat(body.path("amount").asLong()).isEqualTo(VerifyTestSupport.PRICE);
        assertThat(body.path("imp_uid").asText()).isEqualTo(window.impUid());
    }

    @Test
    void redirectWithoutImpUid_confirmsByMerchantUid() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        verify.pay(order, WindowRequest.Device.MOBILE, WindowOutcome.pay());

        HttpApiResponse response = verify.redirect(Map.of("merchant_uid", order.merchantUid()));

        assertThat(response.header("Location")).endsWith("&status=paid");
        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    /** find by merchant_uid returns test-channel payments (it has no include_sandbox): confirm refuses them. */
    @Test
    void redirectWithoutImpUid_forATestChannelPayment_leavesTheOrderPending() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        verify.bed.sandbox().completeWindow(WindowRequest.builder(order.params()).device(WindowRequest.Device.MOBILE)
                .testChannel(true).outcome(WindowOutcome.pay()).build());

        HttpApiResponse response = verify.redirect(Map.of("merchant_uid", order.merchantUid()));

        assertThat(response.header("Location")).startsWith(VerifyTestSupport.FAILURE.toString()).endsWith("&status=invalid");
        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void redirectClaimingSuccess_forAnUnpaidPayment_leavesTheOrderPending() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        WindowResult window = verify.pay(order, WindowRequest.Device.MOBILE, WindowOutcome.userCancel());

        HttpApiResponse response = verify.redirect(Map.of("imp_uid", window.impUid(), "merchant_uid", order.merchantUid(),
                "imp_success", "true"));

        assertThat(response.header("Location")).startsWith(VerifyTestSupport.FAILURE.toString()).endsWith("&status=pending");
        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void windowRefusedBeforeOpening_redirectWithoutImpUid_goesToTheFailurePage() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        WindowResult window = verify.bed.sandbox().completeWindow(WindowRequest.builder(order.params())
                .device(WindowRequest.Device.MOBILE).tamperedAmount(100L).outcome(WindowOutcome.pay()).build());

        HttpApiResponse response = verify.follow(window.redirect().orElseThrow());

        assertThat(window.impUid()).isNull();
        assertThat(response.header("Location")).startsWith(VerifyTestSupport.FAILURE.toString()).endsWith("&status=pending");
    }

    @Test
    void tamperedAmount_isRefundedAndTheOrderMarkedForged_withAnAlert() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        WindowResult window = verify.bed.sandbox().completeWindow(WindowRequest.builder(order.params())
                .device(WindowRequest.Device.MOBILE).tamperedAmount(1_000L).bypassPrepareCheck(true).outcome(WindowOutcome.pay())
                .build());
        long cancelsBefore = verify.bed.sandbox().count(Endpoint.CANCEL);

        String logs = VerifyTestSupport.capturingStdout(() -> {
            HttpApiResponse response = verify.follow(window.redirect().orElseThrow());
            assertThat(response.header("Location")).startsWith(VerifyTestSupport.FAILURE.toString()).endsWith("&status=rejected");
        });

        Order stored = verify.stored(order.merchantUid());
        assertThat(stored.status()).isEqualTo(OrderStatus.FORGED);
        assertThat(stored.failReason()).contains("1000 won").contains("36000 won");
        assertThat(verify.bed.sandbox().payment(window.impUid()).orElseThrow().isPaid()).isFalse();
        assertThat(verify.bed.sandbox().count(Endpoint.CANCEL)).isEqualTo(cancelsBefore + 1);
        assertThat(logs).contains("ALERT forged payment merchant_uid=" + order.merchantUid());
        // the EMF lines the ForgedPayments alarm reads (docs/operations.md): its metric on the [Service] dimension set
        assertThat(logs.lines().filter(line -> line.startsWith("{\"_aws\"")))
                .anyMatch(line -> line.contains("\"Dimensions\":[[\"Service\"]]") && line.endsWith("\"Service\":\"storefront-payments\",\"ForgedPayments\":1}"))
                .anyMatch(line -> line.contains("\"Status\":\"forged\",\"PaymentsConfirmed\":1"));
    }

    @Test
    void paidThroughAnotherPg_forTheSameAmount_isForgedAndRefundedOnce() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.PC);
        Map<String, Object> rewritten = new HashMap<>(order.params());
        rewritten.put("pg", "kakaopay"); // the browser rewrites the PG; the amount (and its prepared registration) still match
        WindowResult window = verify.bed.sandbox().completeWindow(WindowRequest.builder(rewritten).outcome(WindowOutcome.pay()).build());
        assertThat(window.success()).isTrue();
        long cancelsBefore = verify.bed.sandbox().count(Endpoint.CANCEL);

        String logs = VerifyTestSupport.capturingStdout(() -> {
            assertThat(verify.callback(window.impUid(), order.merchantUid()).json().path("status").asText()).isEqualTo("rejected");
            assertThat(verify.callback(window.impUid(), order.merchantUid()).json().path("status").asText()).isEqualTo("rejected");
        });

        Order stored = verify.stored(order.merchantUid());
        assertThat(stored.status()).isEqualTo(OrderStatus.FORGED);
        assertThat(stored.failReason()).isEqualTo("forged: paid through PG kakaopay, but the order was opened for tosspayments");
        assertThat(verify.bed.sandbox().payment(window.impUid()).orElseThrow().isPaid()).isFalse();
        assertThat(verify.bed.sandbox().count(Endpoint.CANCEL)).isEqualTo(cancelsBefore + 1);
        assertThat(logs).contains("ALERT forged payment merchant_uid=" + order.merchantUid());
    }

    @Test
    void vbank_readyAwaitsTheDeposit_thenTheDepositWebhookCompletesIt() {
        verify.bed.sandbox().faults().clear();
        CheckoutParams order = verify.order("tosspayments", "vbank", Device.PC);
        long deliveries = verify.bed.sandbox().webhookDeliveries().size();
        WindowResult window = verify.pay(order, WindowRequest.Device.PC, WindowOutcome.issueVbank());
        assertThat(verify.bed.sandbox().awaitWebhooks((int) deliveries + 1, Duration.ofSeconds(10))).isTrue();

        Order awaiting = verify.stored(order.merchantUid());
        assertThat(awaiting.status()).isEqualTo(OrderStatus.AWAITING_DEPOSIT);
        assertThat(awaiting.virtualAccount().number()).isNotBlank();
        JsonNode state = verify.callback(window.impUid(), order.merchantUid()).json();
        assertThat(state.path("virtual_account").path("number").asText()).isEqualTo(awaiting.virtualAccount().number());

        verify.bed.sandbox().depositVbank(window.impUid());
        assertThat(verify.bed.sandbox().awaitWebhooks((int) deliveries + 2, Duration.ofSeconds(10))).isTrue();
        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void failedThenLatePaid_endsPaid() {
        verify.bed.sandbox().faults().clear();
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        WindowResult window = verify.pay(order, WindowRequest.Device.MOBILE, WindowOutcome.fail("PAY_PROCESS_CANCELED"));

        HttpApiResponse response = verify.follow(window.redirect().orElseThrow());
        assertThat(response.header("Location")).endsWith("&status=failed");
        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.FAILED);

        long deliveries = verify.bed.sandbox().webhookDeliveries().size();
        verify.bed.sandbox().approveLate(window.impUid());
        assertThat(verify.bed.sandbox().awaitWebhooks((int) deliveries + 1, Duration.ofSeconds(10))).isTrue();
        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void openRedirectAttempt_alwaysLandsOnConfiguredPages() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        verify.pay(order, WindowRequest.Device.MOBILE, WindowOutcome.pay());

        HttpApiResponse withExtras = verify.redirect(Map.of("merchant_uid", order.merchantUid(),
                "redirect", "https://evil.example/steal", "m_redirect_url", "https://evil.example", "return_to", "//evil.example"));
        HttpApiResponse injected = verify.redirect(Map.of("merchant_uid", "x&status=paid#https://evil.example"));

        assertThat(withExtras.header("Location")).startsWith(VerifyTestSupport.SUCCESS + "?").doesNotContain("evil");
        assertThat(injected.header("Location")).isEqualTo(VerifyTestSupport.FAILURE + "&status=invalid");
    }

    @Test
    void callbackWithTheImpUidOfAnotherOrder_isRefused_andNeitherOrderChanges() {
        CheckoutParams mine = verify.order("kakaopay", null, Device.PC);
        CheckoutParams theirs = verify.order("kakaopay", null, Device.PC);
        WindowResult theirPayment = verify.pay(theirs, WindowRequest.Device.PC, WindowOutcome.pay());

        HttpApiResponse response = verify.callback(theirPayment.impUid(), mine.merchantUid());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("payment_mismatch");
        assertThat(verify.stored(mine.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(verify.stored(theirs.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void callbackBody_ofTheWrongTypes_orNotOneJsonValue_is400_andConfirmsNothing() {
        CheckoutParams order = verify.order("kakaopay", null, Device.PC);
        WindowResult window = verify.pay(order, WindowRequest.Device.PC, WindowOutcome.pay());
        String ids = "\"imp_uid\":\"" + window.impUid() + "\",\"merchant_uid\":\"" + order.merchantUid() + "\"";

        HttpApiResponse wrapped = confirm("{\"imp_uid\":[\"" + window.impUid() + "\"],\"merchant_uid\":\"" + order.merchantUid() + "\"}");
        HttpApiResponse duplicate = confirm("{" + ids + ",\"merchant_uid\":\"" + order.merchantUid() + "\"}");
        HttpApiResponse trailing = confirm("{" + ids + "} {}");

        assertThat(wrapped.status()).isEqualTo(400);
        assertThat(wrapped.json().path("error").path("details").path(0).path("field").asText()).isEqualTo("imp_uid");
        for (HttpApiResponse refused : List.of(duplicate, trailing)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("invalid_request");
            assertThat(refused.json().path("error").path("details").path(0).path("field").asText()).isEqualTo("body");
        }
        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(confirm("{" + ids + "}\n").json().path("status").asText()).isEqualTo("paid");
    }

    private HttpApiResponse confirm(String body) {
        return verify.bed.invoke(HttpApiEvent.request("POST", "/payments/confirm").body(body));
    }

    @Test
    void iamportDown_duringTheRedirect_sendsTheBrowserToRetryLater_withoutLosingThePayment() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        WindowResult window = verify.pay(order, WindowRequest.Device.MOBILE, WindowOutcome.pay());
        verify.bed.sandbox().faults().failNext(Endpoint.GET_PAYMENT, 10, 503);

        HttpApiResponse response = verify.follow(window.redirect().orElseThrow());

        assertThat(response.header("Location")).endsWith("&status=unconfirmed");
        verify.bed.sandbox().faults().clear();
        assertThat(verify.callback(window.impUid(), order.merchantUid()).json().path("status").asText()).isEqualTo("paid");
    }
}
