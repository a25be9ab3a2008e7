package kr.storefront.payments.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import kr.storefront.payments.core.checkout.CheckoutParams;
import kr.storefront.payments.core.checkout.Device;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.iamport.CardBehaviour;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.KeyOnlyWindowPayment;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Billing keys issued in the window, for each PG that offers one, confirmed with i'mport before use. */
class BillingKeyIssuanceIT extends VerifyIntegrationTest {

    @BeforeEach
    void quiet() {
        verify.bed.sandbox().faults().clear();
        verify.bed.sandbox().faults().dropWebhooks(Integer.MAX_VALUE);
        verify.bed.sandbox().setKeyOnlyWindowPayment(KeyOnlyWindowPayment.PAID_ZERO);
    }

    /**
     * The guides promise nothing of the payment a key-only window leaves (amount 0 or the amount shown, any
     * status): the key at i'mport decides, so every shape issues the key and nothing is refunded.
     */
    @ParameterizedTest(name = "{0}, window payment recorded as {1}")
    @CsvSource({"payco, PAID_ZERO", "payco, READY_SHOWN", "chai, READY_SHOWN", "tosspayments, PAID_ZERO",
            "tosspayments, READY_SHOWN", "kakaopay, READY_SHOWN"})
    void keyOnlyWindow_issuesTheKey_whateverShapeItsPaymentHas(String pg, KeyOnlyWindowPayment shape) {
        verify.bed.sandbox().setKeyOnlyWindowPayment(shape);
        String customer = "user-" + UUID.randomUUID();
        CheckoutParams window = verify.billingWindow(customer, pg, false, Device.MOBILE);
        long cancelsBefore = verify.bed.sandbox().count(Endpoint.CANCEL);

        WindowResult result = verify.pay(window, WindowRequest.Device.MOBILE, WindowOutcome.pay());
        HttpApiResponse redirect = verify.follow(result.redirect().orElseThrow());

        assertThat(redirect.header("Location")).endsWith("&status=paid");
        assertThat(verify.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(key(customer, window.customerUid()).status()).isEqualTo(BillingKeyStatus.ACTIVE);
        assertThat(verify.bed.sandbox().count(Endpoint.CANCEL)).isEqualTo(cancelsBefore);
    }

    /**
     * A window that must charge nothing took the shown amount (a channel set up wrongly at the PG): the money
     * goes back once, with an ALERT, and the genuine key is kept. The redirect and then the callback both see it.
     */
    @Test
    void keyOnlyWindow_thatReallyCharged_isRefundedOnce_withAnAlert_andTheKeyIsKept() {
        verify.bed.sandbox().setKeyOnlyWindowPayment(KeyOnlyWindowPayment.PAID_SHOWN);
        String customer = "user-" + UUID.randomUUID();
        CheckoutParams window = verify.billingWindow(customer, "tosspayments", false, Device.MOBILE, "monthly-coffee");
        assertThat(window.params().get("amount")).isEqualTo(29_000L);
        long cancelsBefore = verify.bed.sandbox().count(Endpoint.CANCEL);

        String logs = VerifyTestSupport.capturingStdout(() -> {
            WindowResult result = verify.pay(window, WindowRequest.Device.MOBILE, WindowOutcome.pay());
            assertThat(verify.follow(result.redirect().orElseThrow()).header("Location")).endsWith("&status=paid");
            assertThat(verify.callback(result.impUid(), window.merchantUid()).json().path("status").asText()).isEqualTo("paid");
        });

        assertThat(verify.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(key(customer, window.customerUid()).status()).isEqualTo(BillingKeyStatus.ACTIVE);
        assertThat(verify.bed.sandbox().count(Endpoint.CANCEL)).isEqualTo(cancelsBefore + 1);
        assertThat(verify.bed.sandbox().paymentsByMerchantUid(window.merchantUid()))
                .singleElement().satisfies(payment -> assertThat(payment.cancelAmount()).isEqualTo(29_000));
        assertThat(logs).containsOnlyOnce("ALERT unexpected charge merchant_uid=" + window.merchantUid());
    }

    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({"payco, redirect", "payco, callback", "chai, redirect", "kakaopay, redirect", "kakaopay, callback",
            "tosspayments, redirect", "tosspayments, callback"})
    void issuance_confirmedWithIamport_makesTheKeyActive(String pg, String via) {
        String customer = "user-" + UUID.randomUUID();
        Device device = via.equals("redirect") ? Device.MOBILE : Device.PC;
        CheckoutParams window = verify.billingWindow(customer, pg, false, device);
        WindowResult result = verify.pay(window, device == Device.MOBILE ? WindowRequest.Device.MOBILE : WindowRequest.Device.PC,
                WindowOutcome.pay());

        if (via.equals("redirect")) {
            assertThat(verify.follow(result.redirect().orElseThrow()).header("Location")).endsWith("&status=paid");
        } else {
            assertThat(verify.callback(result.impUid(), window.merchantUid()).json().path("customer_uid").asText())
                    .isEqualTo(window.customerUid());
        }

        BillingKey key = key(customer, window.customerUid());
        assertThat(key.status()).isEqualTo(BillingKeyStatus.ACTIVE);
        assertThat(key.card()).isNotNull();
        assertThat(key.card().maskedNumber()).contains("*");
        assertThat(verify.bed.sandbox().paymentsByMerchantUid(window.merchantUid())).allSatisfy(p -> assertThat(p.amount()).isZero());
    }

    @Test
    void kakaopayFirstPeriodCharge_isVerifiedLikeAnyPayment() {
        String customer = "user-" + UUID.randomUUID();
        CheckoutParams window = verify.billingWindow(customer, "kakaopay", true, Device.MOBILE);

        WindowResult result = verify.pay(window, WindowRequest.Device.MOBILE, WindowOutcome.pay());
        HttpApiResponse redirect = verify.follow(result.redirect().orElseThrow());

        assertThat(redirect.header("Location")).endsWith("&status=paid");
        assertThat(verify.stored(window.merchantUid()).amount()).isEqualTo(29_000);
        assertThat(verify.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(key(customer, window.customerUid()).status()).isEqualTo(BillingKeyStatus.ACTIVE);
    }

    @Test
    void kakaopayFirstPeriodCharge_declined_failsTheKey() {
        String customer = "user-" + UUID.randomUUID();
        CheckoutParams window = verify.billingWindow(customer, "kakaopay", true, Device.MOBILE);
        verify.bed.sandbox().setCardBehaviour(window.customerUid(), CardBehaviour.declineAsFailedStatus("잔액부족"));

        WindowResult result = verify.pay(window, WindowRequest.Device.MOBILE, WindowOutcome.pay());
        verify.follow(result.redirect().orElseThrow());

        assertThat(verify.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(key(customer, window.customerUid()).status()).isEqualTo(BillingKeyStatus.FAILED);
    }

    private BillingKey key(String customer, String customerUid) {
        return verify.bed.bean(BillingKeyStore.class).find(customer, customerUid).orElseThrow();
    }
}
