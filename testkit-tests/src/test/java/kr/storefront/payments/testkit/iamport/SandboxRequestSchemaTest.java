package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.In;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.Operation;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox takes only what the schema digest lists for an endpoint: a missing required parameter, one
 * the schema does not list, or one of another JSON type is answered HTTP 400 with the envelope, naming the
 * parameter (never its value). So a client that passes against the sandbox sends nothing i'mport does not document.
 */
class SandboxRequestSchemaTest extends SandboxTestSupport {

    private static final V1SchemaDigest DIGEST = V1SchemaDigest.load();

    /** A request each endpoint accepts, and the path it is sent to. */
    record Call(String path, Map<String, Object> body) {
    }

    static Call validCall(Endpoint endpoint) {
        return switch (endpoint) {
            case GET_TOKEN -> post("/users/getToken", "imp_key", "sandbox-rest-key", "imp_secret", "sandbox-rest-secret");
            case GET_PAYMENT -> new Call("/payments/imp_000000000000?include_sandbox=true", null);
            case FIND_PAYMENT -> new Call("/payments/find/ord_1/paid?sorting=-paid", null);
            case PREPARE -> post("/payments/prepare", "merchant_uid", "ord_1", "amount", 8900, "currency", "KRW");
            case GET_PREPARE -> new Call("/payments/prepare/ord_1", null);
            case CANCEL -> post("/payments/cancel", "imp_uid", "imp_000000000000", "amount", 1000, "checksum", 8900,
                    "reason", "환불", "enable_webhook", true);
            case AGAIN -> post("/subscribe/payments/again", "customer_uid", "cust_1", "merchant_uid", "sub_1", "amount", 8900,
                    "name", "Monthly plan", "card_quota", 0, "currency", "KRW");
            case ONETIME -> post("/subscribe/payments/onetime", "merchant_uid", "ord_1", "amount", 8900, "card_number", TEST_CARD,
                    "expiry", "2030-12", "birth", "900101", "pwd_2digit", "12", "pg", "tosspayments");
            case ISSUE_BILLING_KEY -> post("/subscribe/customers/cust_1", "channel_key", "channel-key-tosspayments-api",
                    "card_number", TEST_CARD, "expiry", "2030-12", "birth", "900101", "pwd_2digit", "12", "customer_id", "member-42");
            case GET_BILLING_KEY -> new Call("/subscribe/customers/cust_1", null);
            case DELETE_BILLING_KEY -> new Call("/subscribe/customers/cust_1?reason=left", null);
        };
    }

    static Stream<Arguments> requiredBodyParameters() {
        return DIGEST.operations().stream().flatMap(operation -> operation.parameters(In.FORM_DATA).stream()
                .filter(Parameter::required)
                .map(parameter -> Arguments.of(operation.endpoint(), parameter.name())));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredBodyParameters")
    void missingRequiredParameter_gets400NamingIt(Endpoint endpoint, String name) throws IOException {
        Call call = validCall(endpoint);
        var body = new LinkedHashMap<>(call.body());
        assertThat(body).as("the valid call sends it").containsKey(name);
        body.remove(name);

        SandboxApiClient.Reply reply = send(endpoint, call.path(), body);

        assertRefused(reply, name);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void validCall_isNotRefusedForItsParameters(Endpoint endpoint) throws IOException {
        Call call = validCall(endpoint);

        SandboxApiClient.Reply reply = send(endpoint, call.path(), call.body());

        assertThat(reply.status()).as(reply.text()).isNotEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void parameterTheSchemaDoesNotList_gets400NamingIt(Endpoint endpoint) throws IOException {
        Call call = validCall(endpoint);
        SandboxApiClient.Reply reply;
        if (call.body() == null) {
            reply = send(endpoint, call.path() + (call.path().contains("?") ? "&" : "?") + "not_in_schema=1", null);
        } else {
            var body = new LinkedHashMap<>(call.body());
            body.put("not_in_schema", "1");
            reply = send(endpoint, call.path(), body);
        }

        assertRefused(reply, "not_in_schema");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Endpoint.class, names = {"PREPARE", "CANCEL", "AGAIN", "ONETIME", "ISSUE_BILLING_KEY"})
    void queryParameterOnABodyEndpoint_gets400(Endpoint endpoint) throws IOException {
        Call call = validCall(endpoint);

        assertRefused(send(endpoint, call.path() + "?include_sandbox=true", call.body()), "include_sandbox");
    }

    static Stream<Arguments> wronglyTypedValues() {
        return Stream.of(
                Arguments.of(Endpoint.PREPARE, "amount", "8900"),
                Arguments.of(Endpoint.PREPARE, "merchant_uid", 1),
                Arguments.of(Endpoint.CANCEL, "checksum", true),
                Arguments.of(Endpoint.CANCEL, "enable_webhook", "true"),
                Arguments.of(Endpoint.AGAIN, "card_quota", 1.5),
                Arguments.of(Endpoint.AGAIN, "name", Map.of("ko", "월 구독")),
                Arguments.of(Endpoint.ONETIME, "birth", 900101),
                Arguments.of(Endpoint.ISSUE_BILLING_KEY, "channel_key", 42));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("wronglyTypedValues")
    void jsonValueOfAnotherType_gets400NamingIt(Endpoint endpoint, String name, Object value) throws IOException {
        Call call = validCall(endpoint);
        var body = new LinkedHashMap<>(call.body());
        body.put(name, value);

        assertRefused(send(endpoint, call.path(), body), name);
    }

    @Test
    void findPayment_includeSandbox_isNotAParameterOfFind() throws IOException {
        assertRefused(api.get("/payments/find/ord_1?include_sandbox=true"), "include_sandbox");
    }

    @Test
    void findPayment_sortingOutsideTheEnum_gets400() throws IOException {
        assertRefused(api.get("/payments/find/ord_1?sorting=newest"), "sorting");
    }

    @Test
    void formBody_valuesAreReadAsTheSchemaTypes() throws IOException {
        SandboxApiClient.Reply accepted = api.postForm("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", "8900"));
        SandboxApiClient.Reply refused = api.postForm("/payments/prepare", Map.of("merchant_uid", "ord_2", "amount", "a lot"));

        assertThat(accepted.code()).isZero();
        assertRefused(refused, "amount");
    }

    @Test
    void formBody_unlistedField_gets400() throws IOException {
        assertRefused(api.postForm("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", "8900", "amout", "1")),
                "amout");
    }

    @Test
    void refusal_neverEchoesTheValue() throws IOException {
        var body = new LinkedHashMap<>(validCall(Endpoint.ONETIME).body());
        body.put("card_number", 5361810000004021L);

        SandboxApiClient.Reply reply = api.postJson("/subscribe/payments/onetime", body);

        assertRefused(reply, "card_number");
        assertThat(reply.text()).doesNotContain("5361810000004021");
    }

    @Test
    void bodyParameterRules_coverEveryBodyEndpoint() {
        for (Operation operation : DIGEST.operations()) {
            boolean takesBody = !operation.parameters(In.FORM_DATA).isEmpty();
            assertThat(validCall(operation.endpoint()).body() != null).as(operation.endpoint().name()).isEqualTo(takesBody);
        }
    }

    private SandboxApiClient.Reply send(Endpoint endpoint, String path, Map<String, Object> body) throws IOException {
        return switch (endpoint.method()) {
            case "GET" -> api.get(path);
            case "DELETE" -> api.delete(path);
            default -> api.postJson(path, body);
        };
    }

    private static void assertRefused(SandboxApiClient.Reply reply, String parameter) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.message()).contains(parameter);
        assertThat(reply.response().isNull()).isTrue();
    }

    private static Call post(String path, Object... keysAndValues) {
        var body = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Call(path, body);
    }
}
