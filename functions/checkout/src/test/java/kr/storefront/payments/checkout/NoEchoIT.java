package kr.storefront.payments.checkout;

import static kr.storefront.payments.checkout.CheckoutTestSupport.customer;
import static kr.storefront.payments.http.testing.EchoProbe.assertNoEcho;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import kr.storefront.payments.core.testing.CapturedStdout;
import kr.storefront.payments.http.testing.EchoProbe;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.iamport.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every checkout route, with a marker (CR/LF, a path, a fake log level) in each path id, query value, body field,
 * body key name and the Idempotency-Key: no answer quotes it (README: error messages never echo what the caller sent).
 */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoEchoIT {

    private static final String ADMIN = "arn:aws:iam::123456789012:user/admin";
    private static final String CARD = "\"card_number\":\"5365-1000-2000-3000\",\"expiry\":\"2030-12\",\"birth\":\"900101\","
            + "\"pwd_2digit\":\"12\"";
    private static final String BUYER = "\"buyer\":{\"name\":\"Hong\",\"tel\":\"010-1234-5678\",\"email\":\"b@example.com\","
            + "\"addr\":\"Seoul\",\"postcode\":\"12345\"}";

    /** A route with a valid body (or none), how it is signed, and the query parameters it reads. */
    private record Route(String method, String path, String body, UnaryOperator<HttpApiEvent> auth, List<String> query) { }

    private FunctionTestBed bed;
    private final String customer = customer();

    @BeforeAll
    void start(AwsEmulator emulator) {
        bed = CheckoutTestSupport.start(emulator, Map.of("checkout.toss-api-mode", "true"),
                "\"api_channel_keys\":{\"tosspayments\":\"" + Channel.TOSS_API_KEY + "\"}");
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    private List<Route> routes() {
        UnaryOperator<HttpApiEvent> none = e -> e;
        UnaryOperator<HttpApiEvent> jwt = e -> e.signedInAs(customer);
        UnaryOperator<HttpApiEvent> iam = e -> e.signedByIam(ADMIN);
        return List.of(
                new Route("GET", "/checkout/pgs", null, none, List.of()),
                new Route("GET", "/checkout/products", null, none, List.of("cursor", "limit")),
                new Route("GET", "/checkout/plans", null, none, List.of("cursor", "limit")),
                new Route("POST", "/checkout/orders", "{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"tosspayments\","
                        + "\"pay_method\":\"card\",\"device\":\"pc\"," + BUYER + ",\"display\":{\"card_quota\":[0,2]},"
                        + "\"card\":{\"direct\":{\"code\":\"366\",\"quota\":0},\"detail\":[{\"card_code\":\"366\",\"enabled\":true}]},"
                        + "\"escrow\":false}", none, List.of()),
                new Route("POST", "/checkout/orders", "{\"plan_id\":\"monthly-coffee\",\"pg\":\"kakaopay\",\"device\":\"mobile\"}",
                        none, List.of()),
                new Route("POST", "/checkout/billing-keys", "{\"pg\":\"tosspayments\",\"pay_method\":\"card\",\"plan_id\":\"monthly-coffee\","
                        + "\"charge_first_period\":false,\"device\":\"pc\"," + BUYER + "}", jwt, List.of()),
                new Route("GET", "/checkout/billing-keys", null, jwt, List.of("cursor", "limit")),
                new Route("DELETE", "/checkout/billing-keys/{id}", null, jwt, List.of("cancel_subscriptions")),
                new Route("POST", "/checkout/billing-keys/card", "{\"pg\":\"tosspayments\"," + CARD + "}", jwt, List.of()),
                new Route("POST", "/checkout/payments/card", "{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"tosspayments\","
                        + "\"save_card\":false," + CARD + "}", jwt, List.of()),
                new Route("POST", "/checkout/subscriptions", "{\"plan_id\":\"monthly-coffee\",\"customer_uid\":\"cuid_x\","
                        + "\"first_charge_at\":\"2027-01-31\"}", jwt, List.of()),
                new Route("GET", "/checkout/subscriptions", null, jwt, List.of("cursor", "limit")),
                new Route("DELETE", "/checkout/subscriptions/{id}", null, jwt, List.of()),
                new Route("PUT", "/checkout/admin/products/{id}", "{\"name\":\"Beans\",\"price\":18000,\"active\":true,\"digital\":false}",
                        iam, List.of()),
                new Route("GET", "/checkout/admin/products/{id}", null, iam, List.of()),
                new Route("GET", "/checkout/admin/plans/{id}", null, iam, List.of()),
                new Route("PUT", "/checkout/admin/plans/{id}", "{\"name\":\"Monthly\",\"amount\":29000,"
                        + "\"interval\":{\"unit\":\"month\",\"count\":1},\"active\":true,\"digital\":false}", iam, List.of()),
                new Route("POST", "/checkout/admin/orders/{id}/refunds", "{\"amount\":1000,\"reason\":\"r\",\"refund_holder\":\"h\","
                        + "\"refund_bank\":\"004\",\"refund_account\":\"1234567890\",\"refund_tel\":\"010-1234-5678\"}", iam, List.of()));
    }

    @Test
    void noRoute_quotesAMarkerSentInAnyPart_andEveryLogLineStaysOneJsonObject() {
        String logged = CapturedStdout.of(this::sendMarkersEverywhere);

        List<String> lines = logged.lines().filter(line -> !line.isEmpty()).toList();
        assertThat(lines).as("the markers were logged").anyMatch(line -> line.contains(EchoProbe.TRACE));
        assertThat(lines).as("what a caller sends never starts a line of its own (log forging)").allSatisfy(line -> {
            assertThat(line).startsWith("{").endsWith("}").doesNotContain("\r", "\u0000");
            Map<?, ?> fields = ObjectMapper.getDefault().readValue(line, Map.class);
            assertThat(fields.containsKey("level") || fields.containsKey("_aws")).as("a log line or a metric line: " + line).isTrue();
        });
    }

    private void sendMarkersEverywhere() {
        int sent = 0;
        for (Route route : routes()) {
            String path = route.path().replace("{id}", "BEANS-1KG");
            if (route.path().contains("{id}")) {
                for (String segment : EchoProbe.pathSegments()) {
                    sent += send(route, route.path().replace("{id}", segment), Map.of(), route.body(), null);
                }
            }
            for (Map<String, String> query : EchoProbe.queries(route.query())) {
                sent += send(route, path, query, route.body(), null);
            }
            if (route.body() != null) {
                for (String body : EchoProbe.bodies(route.body())) {
                    sent += send(route, path, Map.of(), body, null);
                }
            }
            if (route.method().equals("POST")) {
                sent += send(route, path, Map.of(), route.body(), EchoProbe.HEADER_MARKER);
            }
        }
        assertThat(sent).isGreaterThan(120);
    }

    private int send(Route route, String path, Map<String, String> query, String body, String idempotencyKey) {
        HttpApiEvent event = route.auth().apply(HttpApiEvent.request(route.method(), path));
        query.forEach(event::query);
        if (body != null) {
            event.body(body);
        }
        if (idempotencyKey != null) {
            event.header("Idempotency-Key", idempotencyKey);
        }
        HttpApiResponse response = bed.invoke(event);
        assertNoEcho(response, route.method() + " " + path + " " + query + " " + body);
        return 1;
    }
}
