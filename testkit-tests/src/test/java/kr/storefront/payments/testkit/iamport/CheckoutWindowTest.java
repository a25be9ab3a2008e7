package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckoutWindowTest extends SandboxTestSupport {

    @Test
    void pay_onPc_recordsPaidCardPaymentAndRunsCallback() {
        WindowResult result = sandbox.completeWindow(
                WindowRequest.builder(windowParams("kakaopay", "card", "ord_1", 8900)).build());

        Payment payment = sandbox.payment(result.impUid()).orElseThrow();
        assertThat(result.success()).isTrue();
        assertThat(result.redirect()).isEmpty();
        assertThat(result.callback()).containsEntry("success", true).containsEntry("imp_uid", result.impUid())
                .containsEntry("merchant_uid", "ord_1").containsEntry("paid_amount", 8900L);
        assertThat(payment.status()).isEqualTo(Payment.Status.PAID);
        assertThat(payment.channel()).isEqualTo(Payment.Channel.PC);
        assertThat(payment.pgProvider()).isEqualTo("kakaopay");
        assertThat(payment.paidAt()).isPositive();
        assertThat(payment.applyNum()).isNotBlank();
        assertThat(payment.card().cardNumber()).isEqualTo("536181******4021");
        assertThat(payment.buyer().name()).isEqualTo("홍길동");
    }

    @Test
    void pay_onMobileWithRedirectUrl_redirectsWithResultAndSkipsCallback() {
        Map<String, Object> params = windowParams("kakaopay", "card", "ord_1", 8900);
        params.put("m_redirect_url", "https://shop.example/payments/complete");

        WindowResult result = sandbox.completeWindow(
                WindowRequest.builder(params).device(WindowRequest.Device.MOBILE).build());

        assertThat(result.redirect()).contains(URI.create("https://shop.example/payments/complete?imp_success=true&imp_uid="
                + result.impUid() + "&merchant_uid=ord_1"));
        assertThat(result.callback()).isEmpty();
        assertThat(sandbox.payment(result.impUid()).orElseThrow().channel()).isEqualTo(Payment.Channel.MOBILE);
    }

    @Test
    void pay_tosspaymentsOnMobile_redirectCarriesOnlyIdentifiers() {
        Map<String, Object> params = windowParams("tosspayments", "card", "ord_1", 8900);
        params.put("m_redirect_url", "https://shop.example/complete?from=toss");

        WindowResult result = sandbox.completeWindow(
                WindowRequest.builder(params).device(WindowRequest.Device.MOBILE).build());

        assertThat(result.redirect()).contains(URI.create(
                "https://shop.example/complete?from=toss&imp_uid=" + result.impUid() + "&merchant_uid=ord_1"));
    }

    @Test
    void pay_chaiOnPc_redirectsAnyway() {
        Map<String, Object> params = windowParams("chai", "trans", "ord_1", 8900);
        params.put("m_redirect_url", "https://shop.example/complete");

        WindowResult result = sandbox.completeWindow(WindowRequest.builder(params).build());

        assertThat(result.redirect()).isPresent();
        Payment payment = sandbox.payment(result.impUid()).orElseThrow();
        assertThat(payment.bank()).isNotNull();
        assertThat(payment.card()).isNull();
    }

    @Test
    void pay_tamperedAmountDiffersFromPrepared_isRefusedBeforeTheWindowOpens() throws IOException {
        api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", 8900));

        WindowResult result = sandbox.completeWindow(
                WindowRequest.builder(windowParams("tosspayments", "card", "ord_1", 8900)).tamperedAmount(100L).build());

        assertThat(result.success()).isFalse();
        assertThat(result.impUid()).isNull();
        assertThat(result.errorCode()).isNotBlank();
        assertThat(result.errorMsg()).isNotBlank();
        assertThat(sandbox.paymentsByMerchantUid("ord_1")).isEmpty();
    }

    @Test
    void pay_tamperedAmountBypassingPrepareCheck_recordsTheTamperedAmount() throws IOException {
        api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", 8900));

        WindowResult result = sandbox.completeWindow(WindowRequest.builder(windowParams("tosspayments", "card", "ord_1", 8900))
                .tamperedAmount(100L).bypassPrepareCheck(true).build());

        assertThat(result.success()).isTrue();
        assertThat(api.get("/payments/" + result.impUid()).response().get("amount").asLong()).isEqualTo(100);
    }

    @Test
    void pay_matchingPreparedAmount_isPaid() throws IOException {
        api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", 8900));

        WindowResult result = sandbox.completeWindow(
                WindowRequest.builder(windowParams("tosspayments", "card", "ord_1", 8900)).build());

        assertThat(result.success()).isTrue();
    }

    @Test
    void pay_merchantUidAlreadyPaid_isRefusedWithF1002AndRedirectsWithoutImpUid() {
        paidCardPayment("ord_1", 8900);
        Map<String, Object> params = windowParams("kakaopay", "card", "ord_1", 8900);
        params.put("m_redirect_url", "https://shop.example/complete");

        WindowResult result = sandbox.completeWindow(WindowRequest.builder(params).device(WindowRequest.Device.MOBILE).build());

        assertThat(result.impUid()).isNull();
        assertThat(result.errorCode()).isEqualTo("F1002");
        assertThat(result.errorMsg()).contains("이미 결제가 이루어진 거래건입니다");
        assertThat(result.redirect().orElseThrow().getQuery())
                .contains("merchant_uid=ord_1", "imp_success=false", "error_code=F1002").doesNotContain("imp_uid");
        assertThat(sandbox.paymentsByMerchantUid("ord_1")).hasSize(1);
    }

    @Test
    void pay_unknownPg_isRefused() {
        WindowResult result = sandbox.completeWindow(
                WindowRequest.builder(windowParams("html5_inicis", "card", "ord_1", 8900)).build());

        assertThat(result.success()).isFalse();
        assertThat(result.impUid()).isNull();
        assertThat(result.errorMsg()).contains("html5_inicis");
    }

    @Test
    void pay_withoutAmount_isRefused() {
        Map<String, Object> params = windowParams("payco", "card", "ord_1", 0);
        params.remove("amount");

        WindowResult result = sandbox.completeWindow(WindowRequest.builder(params).build());

        assertThat(result.success()).isFalse();
        assertThat(result.impUid()).isNull();
    }

    @Test
    void issueVbank_thenDeposit_isReadyWithAccountThenPaid() throws IOException {
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(windowParams("tosspayments", "vbank", "ord_1", 8900))
                .outcome(WindowOutcome.issueVbank()).build());

        Payment ready = sandbox.payment(result.impUid()).orElseThrow();
        assertThat(result.success()).isTrue();
        assertThat(ready.status()).isEqualTo(Payment.Status.READY);
        assertThat(ready.vbank().num()).contains("-");
        assertThat(ready.vbank().holder()).isNull();
        assertThat(ready.vbank().date()).isGreaterThan(ready.vbank().issuedAt());

        Payment paid = sandbox.depositVbank(result.impUid());

        assertThat(paid.status()).isEqualTo(Payment.Status.PAID);
        assertThat(api.get("/payments/" + result.impUid()).response().get("paid_at").asLong()).isPositive();
    }

    @Test
    void issueVbank_onPaycoDisclosesHolder() {
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(windowParams("payco", "vbank", "ord_1", 8900))
                .outcome(WindowOutcome.issueVbank()).build());

        assertThat(sandbox.payment(result.impUid()).orElseThrow().vbank().holder()).isNotBlank();
    }

    @Test
    void issueVbank_forCardPayment_isAMisuseOfTheSimulation() {
        WindowRequest request = WindowRequest.builder(windowParams("payco", "card", "ord_1", 8900))
                .outcome(WindowOutcome.issueVbank()).build();

        assertThatThrownBy(() -> sandbox.completeWindow(request)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fail_thenApproveLate_isFailedThenPaid() {
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(windowParams("payco", "card", "ord_1", 8900))
                .outcome(WindowOutcome.fail("(PG사 결제 장애) Internal error")).build());

        Payment failed = sandbox.payment(result.impUid()).orElseThrow();
        assertThat(result.success()).isFalse();
        assertThat(result.errorMsg()).isEqualTo("(PG사 결제 장애) Internal error");
        assertThat(failed.status()).isEqualTo(Payment.Status.FAILED);
        assertThat(failed.failReason()).isEqualTo("(PG사 결제 장애) Internal error");
        assertThat(failed.failedAt()).isPositive();

        Payment paid = sandbox.approveLate(result.impUid());

        assertThat(paid.status()).isEqualTo(Payment.Status.PAID);
        assertThat(paid.paidAt()).isPositive();
    }

    @Test
    void userCancel_leavesPaymentReady() {
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(windowParams("kakaopay", "card", "ord_1", 8900))
                .outcome(WindowOutcome.userCancel()).build());

        assertThat(result.success()).isFalse();
        assertThat(result.errorMsg()).isEqualTo("사용자가 결제를 취소하셨습니다");
        assertThat(sandbox.payment(result.impUid()).orElseThrow().status()).isEqualTo(Payment.Status.READY);
    }

    @Test
    void depositVbank_onCardPayment_isRefused() {
        Payment paid = paidCardPayment("ord_1", 8900);

        assertThatThrownBy(() -> sandbox.depositVbank(paid.impUid())).isInstanceOf(IllegalStateException.class);
    }
}
