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

    @Test
    void abandonedWindow_leavesTheKeyPending() {
        String customer = "user-" + UUID.randomUUID();
        CheckoutParams window = verify.billingWindow(customer, "tosspayments", false, Device.MOBILE);

        WindowResult result = verify.pay(window, WindowRequest.Device.MOBILE, WindowOutcome.userCancel());
        verify.follow(result.redirect().orElseThrow());

        assertThat(key(customer, window.customerUid()).status()).isEqualTo(BillingKeyStatus.PENDING);
    }

    private BillingKey key(String customer, String customerUid) {
        return verify.bed.bean(BillingKeyStore.class).find(customer, customerUid).orElseThrow();
    }
}
