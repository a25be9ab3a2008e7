package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checkout window picks its PG by {@code channelKey}, or by the deprecated {@code pg}; the channel wins. */
class WindowChannelTest extends SandboxTestSupport {

    BrowserClient browser;

    @BeforeEach
    void browser() {
        browser = new BrowserClient(sandbox);
    }

    @Test
    void channelKey_givesThePaymentTheChannelsPgAndMid() {
        Map<String, Object> params = channelParams("channel-key-kakaopay", "ord_1");

        WindowResult result = sandbox.completeWindow(WindowRequest.builder(params).build());

        Payment payment = sandbox.payment(result.impUid()).orElseThrow();
        assertThat(result.success()).isTrue();
        assertThat(payment.pgProvider()).isEqualTo("kakaopay");
        assertThat(payment.pgId()).isEqualTo("TC0ONETIME");
    }

    @Test
    void channelKey_winsOverPg() {
        Map<String, Object> params = channelParams("channel-key-tosspayments", "ord_1");
        params.put("pg", "payco.PARTNERTEST");

        Payment payment = sandbox.payment(sandbox.completeWindow(WindowRequest.builder(params).build()).impUid()).orElseThrow();

        assertThat(payment.pgProvider()).isEqualTo("tosspayments");
        assertThat(payment.pgId()).isEqualTo("tosspayments_sandbox");
    }

    @Test
    void channelConfiguredOnTheSandbox_isUsedByTheWindow() {
        try (IamportSandbox own = IamportSandbox.start(SandboxOptions.builder()
                .channels(List.of(new Channel("shop-toss", "tosspayments", "tvivarepublica"))).build())) {
            WindowResult paid = own.completeWindow(WindowRequest.builder(channelParams("shop-toss", "ord_1")).build());
            WindowResult unknown = own.completeWindow(WindowRequest.builder(channelParams("channel-key-tosspayments", "ord_2"))
                    .build());

            assertThat(own.payment(paid.impUid()).orElseThrow().pgId()).isEqualTo("tvivarepublica");
            assertThat(unknown.success()).isFalse();
        }
    }

    @Test
    void unknownChannelKey_windowNeverOpens() {
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(channelParams("channel-key-nobody", "ord_1")).build());

        assertThat(result.success()).isFalse();
        assertThat(result.impUid()).isNull();
        assertThat(result.errorMsg()).isEqualTo(ChannelRegistry.UNKNOWN_CHANNEL);
        assertThat(sandbox.paymentsByMerchantUid("ord_1")).isEmpty();
    }

    @Test
    void pg_stillWorksWithoutChannelKey() {
        Map<String, Object> params = windowParams("payco", "card", "ord_1", 1000);

        Payment payment = sandbox.payment(sandbox.completeWindow(WindowRequest.builder(params).build()).impUid()).orElseThrow();

        assertThat(payment.pgProvider()).isEqualTo("payco");
    }

    @Test
    void chaiChannelOnPc_opensARedirectWindow() throws IOException {
        Map<String, Object> params = channelParams("channel-key-chai", "ord_1");
        params.put("pay_method", "trans");
        params.put("m_redirect_url", "https://shop.example/complete");

        BrowserClient.Reply reply = browser.open(params, "pc");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("mode")).isEqualTo("redirect");
    }

    @Test
    void billingKeyWindow_onAChannel_savesTheKeyWithTheChannelsMid() {
        Map<String, Object> params = channelParams("channel-key-tosspayments", "ord_1");
        params.put("amount", 0);
        params.put("customer_uid", "cust_1");

        sandbox.completeWindow(WindowRequest.builder(params).build());

        BillingKey key = sandbox.billingKey("cust_1").orElseThrow();
        assertThat(key.pgProvider()).isEqualTo("tosspayments");
        assertThat(key.pgId()).isEqualTo("tosspayments_sandbox");
    }

    private static Map<String, Object> channelParams(String channelKey, String merchantUid) {
        Map<String, Object> params = windowParams("tosspayments", "card", merchantUid, 8900);
        params.remove("pg");
        params.put("channelKey", channelKey);
        return params;
    }
}
