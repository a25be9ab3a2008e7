package kr.storefront.payments.checkout;

import static kr.storefront.payments.checkout.CheckoutTestSupport.customer;
import static org.assertj.core.api.Assertions.assertThat;

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
