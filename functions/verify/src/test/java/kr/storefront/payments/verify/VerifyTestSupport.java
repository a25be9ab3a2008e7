package kr.storefront.payments.verify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.catalog.CatalogService;
import kr.storefront.payments.core.checkout.BillingKeys;
import kr.storefront.payments.core.checkout.BillingWindowRequest;
import kr.storefront.payments.core.checkout.Buyer;
import kr.storefront.payments.core.checkout.CheckoutParams;
import kr.storefront.payments.core.checkout.Device;
import kr.storefront.payments.core.checkout.LineRequest;
import kr.storefront.payments.core.checkout.OrderCheckout;
import kr.storefront.payments.core.checkout.OrderRequest;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.testing.CapturedStdout;
import kr.storefront.payments.core.testing.SampleWorld;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.http.testing.LambdaHttpBridge;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.iamport.WebhookFormat;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;

/**
 * The verify function on the emulator and sandbox, reachable over HTTP through a bridge so the
 * sandbox can deliver webhooks to it. Orders are made by the same core checkout service the
 * checkout function uses.
 */
final class VerifyTestSupport implements AutoCloseable {

    static final URI SUCCESS = URI.create("https://shop.example.com/pay/success");
    static final URI FAILURE = URI.create("https://shop.example.com/pay/result?from=pay");
    static final long PRICE = 36_000;

    final FunctionTestBed bed;
    final LambdaHttpBridge bridge;

    private VerifyTestSupport(FunctionTestBed bed) {
        this.bed = bed;
        this.bridge = LambdaHttpBridge.start(bed::invoke);
        bed.sandbox().setConsoleWebhookUrl(bridge.url("/webhooks/iamport"));
        CatalogService catalog = bed.bean(CatalogService.class);
        catalog.upsertProduct("BEANS-1KG", "Coffee beans 1kg", PRICE, true);
        catalog.upsertPlan("monthly-coffee", "Monthly coffee", 29_000, BillingInterval.months(1), true);
    }

    /**
     * What the {@code events/} samples name ({@link SampleWorld}); the console webhook is off meanwhile, so the sample order
     * stays unconfirmed until a sample confirms it.
     */
    void seedSampleWorld() {
        bed.sandbox().setConsoleWebhookUrl(null);
        SampleWorld.seed(bed::bean, bed.sandbox());
        bed.sandbox().setConsoleWebhookUrl(bridge.url("/webhooks/iamport"));
    }

    static VerifyTestSupport start(AwsEmulator emulator, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(Map.of("verify.success-url", SUCCESS.toString(),
                "verify.failure-url", FAILURE.toString()));
        properties.putAll(overrides);
        return new VerifyTestSupport(FunctionTestBed.start(emulator, properties));
    }

    /** A pending order's window parameters, as checkout hands them out. */
    CheckoutParams order(String pg, String payMethod, Device device) {
        return bed.bean(OrderCheckout.class).start(new OrderRequest(null, null, List.of(new LineRequest("BEANS-1KG", 1)), null, pg,
                payMethod, new Buyer("홍길동", "010-1234-5678", "buyer@example.com", null, null), device, null, false,
                bridge.url("")));
    }

    CheckoutParams billingWindow(String customerId, String pg, boolean chargeFirstPeriod, Device device) {
        return billingWindow(customerId, pg, chargeFirstPeriod, device, chargeFirstPeriod ? "monthly-coffee" : null);
    }

    /** A billing-key window showing {@code planId}'s amount (charged only where the PG charges and it is asked for). */
    CheckoutParams billingWindow(String customerId, String pg, boolean chargeFirstPeriod, Device device, String planId) {
        return bed.bean(BillingKeys.class).openWindow(new BillingWindowRequest(customerId, null, pg, null, planId,
                chargeFirstPeriod, new Buyer("홍길동", "010-1234-5678", null, null, null), device,
                bridge.url("")));
    }

    WindowResult pay(CheckoutParams params, WindowRequest.Device device, WindowOutcome outcome) {
        return bed.sandbox().completeWindow(WindowRequest.builder(params.params()).device(device).outcome(outcome).build());
    }

    void webhooksAs(WebhookFormat format) {
        bed.sandbox().setWebhookFormat(format);
    }

    /** The browser following {@code m_redirect_url?...} after the window. */
    HttpApiResponse follow(URI redirect) {
        HttpApiEvent event = HttpApiEvent.request("GET", redirect.getRawPath());
        if (redirect.getRawQuery() != null) {
            for (String pair : redirect.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                event.query(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        return bed.invoke(event);
    }

    HttpApiResponse redirect(Map<String, String> query) {
        HttpApiEvent event = HttpApiEvent.request("GET", "/payments/redirect");
        query.forEach(event::query);
        return bed.invoke(event);
    }

    HttpApiResponse callback(String impUid, String merchantUid) {
        return bed.invoke(HttpApiEvent.request("POST", "/payments/confirm")
                .body("{\"imp_uid\":\"" + impUid + "\",\"merchant_uid\":\"" + merchantUid + "\"}"));
    }

    Order stored(String merchantUid) {
        return bed.bean(OrderStore.class).find(merchantUid).orElseThrow();
    }

    @Override
    public void close() {
        bridge.close();
        bed.close();
    }

    /** What the function logged (its simple logger writes to stdout) while {@code action} ran. */
    static String capturingStdout(Runnable action) {
        return CapturedStdout.of(action);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
