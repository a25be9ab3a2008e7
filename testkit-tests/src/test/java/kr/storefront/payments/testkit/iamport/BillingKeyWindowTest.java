package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BillingKeyWindowTest extends SandboxTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"tosspayments", "payco", "chai"})
    void issue_onNonChargingPg_issuesKeyAndRecordsZeroAmountIssuance(String pg) {
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(billingParams(pg, "cust_1", 8900)).build());

        Payment issuance = sandbox.payment(result.impUid()).orElseThrow();
        assertThat(result.success()).isTrue();
        assertThat(issuance.status()).isEqualTo(Payment.Status.PAID);
        assertThat(issuance.amount()).isZero();
        assertThat(issuance.customerUid()).isEqualTo("cust_1");
        assertThat(issuance.customerUidUsage()).isEqualTo(Payment.CustomerUidUsage.ISSUE);
        BillingKey key = sandbox.billingKey("cust_1").orElseThrow();
        assertThat(key.pgProvider()).isEqualTo(pg);
        assertThat(key.customerId()).isEqualTo("member-42");
    }

    @Test
    void issue_onTosspayments_firesNoWebhook() {
        sandbox.setConsoleWebhookUrl(URI.create("http://127.0.0.1:9/never"));

        sandbox.completeWindow(WindowRequest.builder(billingParams("tosspayments", "cust_1", 8900)).build());

        assertThat(sandbox.awaitWebhooks(1, QUIET_PERIOD)).isFalse();
    }

    @Test
    void issue_onKakaopayWithAmount_chargesThatAmountAndIssuesKey() {
        sandbox.setConsoleWebhookUrl(URI.create("http://127.0.0.1:9/unreachable"));

        WindowResult result = sandbox.completeWindow(WindowRequest.builder(billingParams("kakaopay", "cust_1", 8900)).build());

        Payment charge = sandbox.payment(result.impUid()).orElseThrow();
        assertThat(charge.status()).isEqualTo(Payment.Status.PAID);
        assertThat(charge.amount()).isEqualTo(8900);
        assertThat(charge.customerUidUsage()).isEqualTo(Payment.CustomerUidUsage.ISSUE);
        assertThat(sandbox.billingKey("cust_1")).isPresent();
        assertThat(sandbox.awaitWebhooks(1, WAIT)).isTrue();
        assertThat(sandbox.webhookDeliveries().get(0).fields()).containsEntry("status", "paid");
    }

    @Test
    void issue_onKakaopayWithZeroAmount_issuesKeyOnly() {
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(billingParams("kakaopay", "cust_1", 0)).build());

        assertThat(sandbox.payment(result.impUid()).orElseThrow().amount()).isZero();
        assertThat(sandbox.billingKey("cust_1")).isPresent();
    }

    @Test
    void issue_onKakaopayWithDecliningCard_recordsFailedChargeAndNoKey() {
        sandbox.setCardBehaviour("cust_1", CardBehaviour.declineAsFailedStatus("한도초과"));

        WindowResult result = sandbox.completeWindow(WindowRequest.builder(billingParams("kakaopay", "cust_1", 8900)).build());

        assertThat(result.success()).isFalse();
        assertThat(result.errorMsg()).isEqualTo("한도초과");
        assertThat(sandbox.payment(result.impUid()).orElseThrow().status()).isEqualTo(Payment.Status.FAILED);
        assertThat(sandbox.billingKey("cust_1")).isEmpty();
    }

    @Test
    void issue_onUplus_isRefusedWithoutKeyOrPayment() {
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(billingParams("uplus", "cust_1", 8900)).build());

        assertThat(result.success()).isFalse();
        assertThat(result.impUid()).isNull();
        assertThat(result.errorMsg()).contains("uplus");
        assertThat(sandbox.billingKey("cust_1")).isEmpty();
        assertThat(sandbox.paymentsByMerchantUid("issue_cust_1")).isEmpty();
    }

    @Test
    void issue_userCancelled_issuesNoKey() {
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(billingParams("tosspayments", "cust_1", 0))
                .outcome(WindowOutcome.userCancel()).build());

        assertThat(result.success()).isFalse();
        assertThat(sandbox.billingKey("cust_1")).isEmpty();
    }

    private static Map<String, Object> billingParams(String pg, String customerUid, long amount) {
        Map<String, Object> params = windowParams(pg, "card", "issue_" + customerUid, amount);
        params.put("customer_uid", customerUid);
        params.put("customer_id", "member-42");
        return params;
    }
}
