package kr.storefront.payments.checkout;

import static kr.storefront.payments.checkout.CheckoutTestSupport.customer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.iamport.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed input: always a 4xx in the stable error shape, never a 500 or a stack trace, never a state change. */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestValidationIT {

    private FunctionTestBed bed;

    @BeforeAll
    void start(AwsEmulator emulator) {
        bed = CheckoutTestSupport.start(emulator, Map.of("checkout.toss-api-mode", "true"));
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON                  | {items: [",
        "JSON array                | []",
        "quantity as a string      | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":\"two\"}],\"pg\":\"kakaopay\",\"device\":\"pc\"}",
        "quantity zero             | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":0}],\"pg\":\"kakaopay\",\"device\":\"pc\"}",
        "quantity too large        | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":100}],\"pg\":\"kakaopay\",\"device\":\"pc\"}",
        "quantity overflow         | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":99999999999999}],\"pg\":\"kakaopay\",\"device\":\"pc\"}",
        "device missing            | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\"}",
        "device unknown            | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"tv\"}",
        "items is an object        | {\"items\":{\"sku\":\"BEANS-1KG\"},\"pg\":\"kakaopay\",\"device\":\"pc\"}",
        "items and plan            | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"plan_id\":\"monthly-coffee\",\"pg\":\"kakaopay\",\"device\":\"pc\"}",
        "neither items nor plan    | {\"pg\":\"kakaopay\",\"device\":\"pc\"}",
        "duplicate sku             | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1},{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\"}",
        "bad email                 | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\",\"buyer\":{\"email\":\"nope\"}}",
        "unknown pg                | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"paypal\",\"device\":\"pc\"}",
        "pg with MID               | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"tosspayments.evil\",\"device\":\"pc\"}",
        "display not an object     | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":3}],\"pg\":\"tosspayments\",\"device\":\"pc\",\"display\":5}",
        "unknown card option       | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":3}],\"pg\":\"tosspayments\",\"device\":\"pc\",\"card\":{\"appCard\":true}}",
        "escrow on kakaopay        | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\",\"escrow\":true}"})
    void badOrders_are400_inTheStableShape_andCreateNothing(String description, String body) {
        long prepares = bed.sandbox().count(Endpoint.PREPARE);

        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(body));

        assertThat(response.status()).as(description).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_request");
        assertThat(response.json().path("error").path("message").asText()).isNotBlank();
        assertThat(response.json().path("request_id").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at kr.").doesNotContain("at io.");
        assertThat(bed.sandbox().count(Endpoint.PREPARE)).isEqualTo(prepares);
    }

    /** Bodies are read with exact types: no coercion of numbers, booleans, strings or one-element arrays. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "price 1.5             | PUT  | /checkout/admin/products/CHEAP | {\"name\":\"Cheap\",\"price\":1.5,\"active\":true}           | price",
        "price 2.0             | PUT  | /checkout/admin/products/CHEAP | {\"name\":\"Cheap\",\"price\":2.0,\"active\":true}           | price",
        "price as a string     | PUT  | /checkout/admin/products/CHEAP | {\"name\":\"Cheap\",\"price\":\"1500\",\"active\":true}    | price",
        "active as a string    | PUT  | /checkout/admin/products/CHEAP | {\"name\":\"Cheap\",\"price\":1500,\"active\":\"true\"}    | active",
        "plan interval count   | PUT  | /checkout/admin/plans/p1       | {\"name\":\"P\",\"amount\":1000,\"interval\":{\"unit\":\"month\",\"count\":1.5},\"active\":true} | interval.count",
        "quantity 2.5          | POST | /checkout/orders | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":2.5}],\"pg\":\"kakaopay\",\"device\":\"pc\"}   | items[0].quantity",
        "quantity string       | POST | /checkout/orders | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":\"2\"}],\"pg\":\"kakaopay\",\"device\":\"pc\"} | items[0].quantity",
        "quantity true         | POST | /checkout/orders | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":true}],\"pg\":\"kakaopay\",\"device\":\"pc\"}  | items[0].quantity",
        "second item quantity  | POST | /checkout/orders | {\"items\":[{\"sku\":\"DRIPPER\",\"quantity\":1},{\"sku\":\"BEANS-1KG\",\"quantity\":2.5}],\"pg\":\"kakaopay\",\"device\":\"pc\"} | items[1].quantity",
        "sku in an array       | POST | /checkout/orders | {\"items\":[{\"sku\":[\"BEANS-1KG\"],\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\"} | items[0].sku",
        "escrow yes            | POST | /checkout/orders | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"tosspayments\",\"device\":\"pc\",\"escrow\":\"yes\"} | escrow",
        "pg in an array        | POST | /checkout/orders | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":[\"kakaopay\"],\"device\":\"pc\"} | pg",
        "plan_id in an array   | POST | /checkout/orders | {\"plan_id\":[\"monthly-coffee\"],\"pg\":\"kakaopay\",\"device\":\"pc\"}             | plan_id",
        "buyer tel as a number | POST | /checkout/orders | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"payco\",\"device\":\"pc\",\"buyer\":{\"tel\":1012345678}} | buyer.tel"})
    void wrongJsonTypes_are400_namingTheField(String description, String method, String path, String body, String field) {
        long prepares = bed.sandbox().count(Endpoint.PREPARE);

        HttpApiResponse response = bed.invoke(HttpApiEvent.request(method, path)
                .signedByIam("arn:aws:iam::123456789012:user/admin").body(body));

        assertThat(response.status()).as(description).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_request");
        assertThat(response.json().path("error").path("details")).extracting(d -> d.path("field").asText()).containsExactly(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("1.5").doesNotContain("2.5")
                .doesNotContain("yes").doesNotContain("1012345678");
        assertThat(bed.sandbox().count(Endpoint.PREPARE)).isEqualTo(prepares);
    }

    @Test
    void cardFieldOfTheWrongType_isNamed_andNeverEchoed() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/billing-keys/card").signedInAs(customer())
                .body("{\"pg\":\"tosspayments\",\"card_number\":5365100020003000,\"expiry\":\"2030-12\","
                        + "\"birth\":\"900101\",\"pwd_2digit\":\"12\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("details")).extracting(d -> d.path("field").asText())
                .containsExactly("card_number");
        assertThat(response.body()).doesNotContain("5365");
    }

    /** One JSON value and nothing else: no key twice in an object, nothing after the value. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "duplicate key         | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"pg\":\"tosspayments\",\"device\":\"pc\"}",
        "nested duplicate key  | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1,\"quantity\":5}],\"pg\":\"kakaopay\",\"device\":\"pc\"}",
        "trailing garbage      | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\"} x",
        "second object         | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\"}{\"pg\":\"tosspayments\"}",
        "trailing value        | {\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\"} 1"})
    void notExactlyOneJsonValue_is400_onTheBody(String description, String body) {
        long prepares = bed.sandbox().count(Endpoint.PREPARE);

        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(body));
        HttpApiResponse base64 = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").base64Body(body));

        for (HttpApiResponse refused : List.of(response, base64)) {
            assertThat(refused.status()).as(description).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("invalid_request");
            assertThat(refused.json().path("error").path("details")).extracting(d -> d.path("field").asText())
                    .containsExactly("body");
            assertThat(refused.body()).doesNotContain("tosspayments").doesNotContain("\"pg\"").doesNotContain("quantity");
        }
        assertThat(bed.sandbox().count(Endpoint.PREPARE)).isEqualTo(prepares);
    }

    @Test
    void exactBodies_areStillAccepted() {
        HttpApiResponse order = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders")
                .body("{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":2}],\"pg\":\"tosspayments\",\"device\":\"pc\","
                        + "\"escrow\":true,\"buyer\":null}  \n"));
        HttpApiResponse product = bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/products/EXACT-1")
                .signedByIam("arn:aws:iam::123456789012:user/admin").base64Body("{\"name\":\"Exact\",\"price\":1500,\"active\":false}"));

        assertThat(order.status()).as(order.body()).isEqualTo(200);
        assertThat(order.json().path("amount").asLong()).isEqualTo(2 * CheckoutTestSupport.BEANS_PRICE);
        assertThat(order.json().path("params").path("escrow").asBoolean()).isTrue();
        assertThat(product.status()).as(product.body()).isEqualTo(200);
        assertThat(product.json().path("price").asLong()).isEqualTo(1500);
    }

    @Test
    void hugeBody_withTrailingContent_is413_first() {
        String huge = "{\"items\":[" + "{\"sku\":\"BEANS-1KG\",\"quantity\":1},".repeat(3000) + "{}],\"device\":\"pc\"} x";

        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(huge));

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void hugeBody_is413_beforeAnythingParsesIt() {
        String huge = "{\"items\":[" + "{\"sku\":\"BEANS-1KG\",\"quantity\":1},".repeat(3000) + "{}],\"device\":\"pc\"}";

        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body(huge));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("payload_too_large");
    }

    @Test
    void cardValuesInErrors_areNeverEchoed() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/billing-keys/card").signedInAs(customer())
                .body("{\"pg\":\"tosspayments\",\"card_number\":\"5365-1000-2000-30001234567\",\"expiry\":\"12/30\","
                        + "\"birth\":\"1990-01-01\",\"pwd_2digit\":\"123\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("details")).extracting(d -> d.path("field").asText())
                .contains("card_number", "expiry", "birth", "pwd_2digit");
        assertThat(response.body()).doesNotContain("5365").doesNotContain("12/30").doesNotContain("1990-01-01")
                .doesNotContain("\"123\"");
    }

    @Test
    void unknownRoute_andWrongMethod_useTheStableShape() {
        HttpApiResponse unknown = bed.invoke(HttpApiEvent.request("GET", "/checkout/nothing-here"));
        HttpApiResponse wrongMethod = bed.invoke(HttpApiEvent.request("PATCH", "/checkout/orders").body("{}"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo("method_not_allowed");
    }

    @Test
    void wrongContentType_is415() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").header("content-type", "text/plain")
                .body("items=1"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.errorCode()).isEqualTo("unsupported_media_type");
    }

    @Test
    void badIdempotencyKey_is400() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").header("Idempotency-Key", "x".repeat(300))
                .body("{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_request");
    }

    @Test
    void iamportDown_is503_withRetryAfter_andTheOrderIsReusableOnRetry() {
        bed.sandbox().faults().failNext(Endpoint.PREPARE, 1, 503);
        HttpApiEvent request = HttpApiEvent.request("POST", "/checkout/orders").header("Idempotency-Key", CheckoutTestSupport.key())
                .body("{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\"}");

        HttpApiResponse down = bed.invoke(request);
        HttpApiResponse retried = bed.invoke(request);

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.errorCode()).isEqualTo("iamport_unavailable");
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(retried.status()).isEqualTo(200);
        String merchantUid = retried.json().path("merchant_uid").asText();
        assertThat(bed.sandbox().preparedAmount(merchantUid)).isPresent();
        assertThat(bed.bean(OrderStore.class).find(merchantUid)).isPresent();
    }

    @Test
    void unreadableCredentialsSecret_is503_withRetryAfter_namingNoSecret(AwsEmulator emulator) {
        try (FunctionTestBed misconfigured = CheckoutTestSupport.start(emulator, Map.of("iamport.secret-id", "no-such-secret"))) {
            HttpApiResponse response = misconfigured.invoke(HttpApiEvent.request("POST", "/checkout/orders")
                    .header("Idempotency-Key", CheckoutTestSupport.key())
                    .body("{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\"}"));

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.errorCode()).isEqualTo("credentials_unavailable");
            assertThat(response.header("Retry-After")).isEqualTo("5");
            assertThat(response.body()).doesNotContain("no-such-secret");
        }
    }
}
