package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh sandbox and client per test, plus shorthands for common set-ups. */
abstract class SandboxTestSupport {

    static final Duration WAIT = Duration.ofSeconds(5);
    /** How long a test waits to be confident that no webhook is coming. */
    static final Duration QUIET_PERIOD = Duration.ofMillis(300);
    static final String TEST_CARD = "5361-8100-0000-4021";

    IamportSandbox sandbox;
    SandboxApiClient api;

    @BeforeEach
    void startSandbox() {
        sandbox = IamportSandbox.start(options().build());
        api = new SandboxApiClient(sandbox);
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }

    SandboxOptions.Builder options() {
        return SandboxOptions.builder();
    }

    static Map<String, Object> windowParams(String pg, String payMethod, String merchantUid, long amount) {
        var params = new LinkedHashMap<String, Object>();
        params.put("pg", pg);
        params.put("pay_method", payMethod);
        params.put("merchant_uid", merchantUid);
        params.put("name", "Monthly plan");
        params.put("amount", amount);
        params.put("buyer_name", "홍길동");
        params.put("buyer_tel", "010-1234-5678");
        params.put("buyer_email", "buyer@example.com");
        return params;
    }

    /** A card payment paid through the tosspayments window on PC. */
    Payment paidCardPayment(String merchantUid, long amount) {
        WindowResult result = sandbox.completeWindow(
                WindowRequest.builder(windowParams("tosspayments", "card", merchantUid, amount)).build());
        assertThat(result.success()).isTrue();
        return sandbox.payment(result.impUid()).orElseThrow();
    }

    /** A tosspayments billing key issued through the API with {@link #TEST_CARD}, on the default API-mode channel. */
    void issueTossKey(String customerUid) throws IOException {
        SandboxApiClient.Reply reply = api.postJson("/subscribe/customers/" + customerUid, Map.of(
                "card_number", TEST_CARD, "expiry", "2030-12", "birth", "900101", "pwd_2digit", "12",
                "channel_key", Channel.TOSS_API_KEY, "customer_id", "member-42"));
        assertThat(reply.code()).isZero();
    }

    static Map<String, Object> againBody(String customerUid, String merchantUid, long amount) {
        var body = new LinkedHashMap<String, Object>();
        body.put("customer_uid", customerUid);
        body.put("merchant_uid", merchantUid);
        body.put("amount", amount);
        body.put("name", "Monthly plan");
        return body;
    }
}
