package kr.storefront.payments.verify;

import static kr.storefront.payments.http.testing.EchoProbe.MARKER;
import static kr.storefront.payments.http.testing.EchoProbe.assertNoEcho;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.checkout.CheckoutParams;
import kr.storefront.payments.core.checkout.Device;
import kr.storefront.payments.http.testing.EchoProbe;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;
import org.junit.jupiter.api.Test;

/**
 * The verify routes, with a marker (CR/LF, a path, a fake log level) in each query value, body field and key name,
 * around the ids of a real paid order: no refusal or redirect quotes it.
 */
class NoEchoIT extends VerifyIntegrationTest {

    @Test
    void noRoute_quotesAMarkerSentInAnyPart() {
        CheckoutParams order = verify.order("tosspayments", "card", Device.PC);
        WindowResult paid = verify.pay(order, WindowRequest.Device.PC, WindowOutcome.pay());
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("imp_uid", paid.impUid());
        ids.put("merchant_uid", paid.merchantUid());
        int sent = 0;

        Map<String, String> redirect = new LinkedHashMap<>(ids);
        redirect.put("imp_success", "true");
        redirect.put("error_code", "F400");
        for (String name : List.copyOf(redirect.keySet())) {
            Map<String, String> query = new LinkedHashMap<>(redirect);
            query.put(name, MARKER);
            sent += send(HttpApiEvent.request("GET", "/payments/redirect"), query, null);
        }
        sent += send(HttpApiEvent.request("GET", "/payments/redirect"), Map.of(MARKER, "1"), null);

        String confirm = "{\"imp_uid\":\"" + paid.impUid() + "\",\"merchant_uid\":\"" + paid.merchantUid() + "\"}";
        for (String body : EchoProbe.bodies(confirm)) {
            sent += send(HttpApiEvent.request("POST", "/payments/confirm"), Map.of(), body);
        }

        String webhook = "{\"imp_uid\":\"" + paid.impUid() + "\",\"merchant_uid\":\"" + paid.merchantUid()
                + "\",\"status\":\"paid\",\"cancellation_id\":\"c1\"}";
        for (String body : EchoProbe.bodies(webhook)) {
            sent += send(HttpApiEvent.request("POST", "/webhooks/iamport"), Map.of(), body);
        }
        for (String name : List.of("imp_uid", "merchant_uid", "status", "cancellation_id", MARKER)) {
            Map<String, String> form = new LinkedHashMap<>(ids);
            form.put("status", "paid");
            form.put(name, MARKER);
            StringBuilder encoded = new StringBuilder();
            form.forEach((key, value) -> encoded.append(encoded.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            sent += send(HttpApiEvent.request("POST", "/webhooks/iamport").header("content-type", "application/x-www-form-urlencoded"),
                    Map.of(), encoded.toString());
        }

        assertThat(sent).isGreaterThan(20);
    }

    private int send(HttpApiEvent event, Map<String, String> query, String body) {
        query.forEach(event::query);
        if (body != null) {
            event.body(body);
        }
        HttpApiResponse response = verify.bed.invoke(event);
        assertNoEcho(response, query + " " + body);
        return 1;
    }
}
