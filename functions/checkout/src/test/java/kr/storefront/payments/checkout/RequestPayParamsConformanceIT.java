package kr.storefront.payments.checkout;

import static kr.storefront.payments.checkout.CheckoutTestSupport.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kr.storefront.payments.core.checkout.PgProfile;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code params} object checkout hands out, for every PG × device × pay_method × window kind, against
 * our digest of the V1 JS SDK's {@code IMP.request_pay} parameter list ({@code iamport/request-pay-parameters.json}):
 * each parameter is one the SDK documents, of the type it documents ({@code amount} a number,
 * {@code display.card_quota} a number array, {@code card.direct.code} a string, ...), nested ones too.
 */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestPayParamsConformanceIT {

    private static final JsonNode SDK = read("iamport/request-pay-parameters.json").path("parameters");
    /** Three kilos: over the 50,000 won installments need. */
    private static final String ITEMS = "\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":3}]";
    private static final String CARD_OPTIONS = "\"display\":{\"card_quota\":[0,2,3]},"
            + "\"card\":{\"direct\":{\"code\":\"366\",\"quota\":2},\"detail\":[{\"card_code\":\"*\",\"enabled\":false},"
            + "{\"card_code\":\"366\",\"enabled\":true}]}";

    private FunctionTestBed pgParameter;
    private FunctionTestBed channelKeys;

    @BeforeAll
    void start(AwsEmulator emulator) {
        pgParameter = CheckoutTestSupport.start(emulator, Map.of("checkout.send-notice-url", "true"),
                "\"pg_mids\":{\"tosspayments\":\"tosswin01\"}");
        String keys = String.join(",", Stream.of(Pg.values()).map(pg -> "\"" + pg.code() + "\":\"channel-key-" + pg.code() + "\"").toList());
        channelKeys = CheckoutTestSupport.start(emulator, Map.of(), "\"channel_keys\":{" + keys + "}");
    }

    @AfterAll
    void stop() {
        pgParameter.close();
        channelKeys.close();
    }

    record Case(String kind, Pg pg, String device, String payMethod, boolean channelKey, String body) {
        @Override
        public String toString() {
            return kind + " " + pg.code() + " " + device + " " + (payMethod == null ? "(default pay_method)" : payMethod)
                    + (channelKey ? " with channelKey" : " with pg");
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (boolean channelKey : new boolean[] {false, true}) {
            for (Pg pg : Pg.values()) {
                PgProfile profile = PgProfile.of(pg);
                for (String device : new String[] {"pc", "mobile"}) {
                    List<String> methods = new ArrayList<>(profile.payMethods());
                    methods.add(null);
                    for (String method : methods) {
                        String base = "{" + ITEMS + ",\"pg\":\"" + pg.code() + "\",\"device\":\"" + device + "\""
                                + (method == null ? "" : ",\"pay_method\":\"" + method + "\"")
                                + ",\"buyer\":{\"name\":\"홍길동\",\"tel\":\"010-1234-5678\",\"email\":\"buyer@example.com\","
                                + "\"addr\":\"서울특별시 강남구\",\"postcode\":\"123-456\"}";
                        cases.add(new Case("order", pg, device, method, channelKey, base + "}"));
                        boolean card = "card".equals(method) || (method == null && "card".equals(first(profile.payMethods())));
                        if (profile.cardOptions() && card) {
                            cases.add(new Case("order+card options", pg, device, method, channelKey, base + "," + CARD_OPTIONS + "}"));
                        }
                        if (profile.escrow()) {
                            cases.add(new Case("order+escrow", pg, device, method, channelKey, base + ",\"escrow\":true}"));
                        }
                    }
                    if (profile.billingWindow() != kr.storefront.payments.core.checkout.BillingWindow.NONE) {
                        String window = "{\"pg\":\"" + pg.code() + "\",\"device\":\"" + device + "\",\"plan_id\":\"monthly-coffee\","
                                + "\"buyer\":{\"tel\":\"010-1234-5678\"}";
                        cases.add(new Case("billing window", pg, device, null, channelKey, window + "}"));
                        if (pg == Pg.KAKAOPAY) {
                            cases.add(new Case("billing window charging the first period", pg, device, null, channelKey,
                                    window + ",\"charge_first_period\":true}"));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void params_areWhatTheJsSdkDocuments(Case c) {
        FunctionTestBed bed = c.channelKey() ? channelKeys : pgParameter;
        HttpApiEvent request = c.kind().startsWith("billing window")
                ? HttpApiEvent.request("POST", "/checkout/billing-keys").signedInAs(customer()).body(c.body())
                : HttpApiEvent.request("POST", "/checkout/orders").body(c.body());
        HttpApiResponse response = bed.invoke(request);
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        JsonNode params = response.json().path("params");

        List<String> problems = new ArrayList<>();
        conform("", params, SDK, problems);
        assertThat(problems).isEmpty();
        assertThat(params.has("channelKey") ^ params.has("pg")).as("exactly one of channelKey and pg").isTrue();
        assertThat(params.path(c.channelKey() ? "channelKey" : "pg").asText()).startsWith(c.channelKey() ? "channel-key-" : c.pg().code());
        assertThat(params.path("amount").isIntegralNumber()).isTrue();
        if (c.device().equals("mobile") || c.pg() == Pg.CHAI) {
            assertThat(params.path("m_redirect_url").isTextual()).isTrue();
        }
        if ("phone".equals(params.path("pay_method").asText())) {
            assertThat(params.path("digital").isBoolean()).as("digital is required for phone payments").isTrue();
        }
    }

    /** Each member of {@code object} must be a documented parameter of its documented type, recursively. */
    private static void conform(String path, JsonNode object, JsonNode documented, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = path + member.getKey();
            JsonNode spec = documented.path(member.getKey());
            if (spec.isMissingNode()) {
                problems.add(name + " is not an IMP.request_pay parameter");
                continue;
            }
            conformValue(name, member.getValue(), spec, problems);
        }
    }

    private static void conformValue(String name, JsonNode value, JsonNode spec, List<String> problems) {
        List<String> types = new ArrayList<>();
        if (spec.has("type")) {
            types.add(spec.path("type").asText());
        }
        spec.path("types").forEach(type -> types.add(type.asText()));
        if (types.stream().noneMatch(type -> is(value, type))) {
            problems.add(name + " is " + value.getNodeType() + ", documented as " + types);
            return;
        }
        if (value.isObject() && spec.has("fields")) {
            conform(name + ".", value, spec.path("fields"), problems);
        }
        if (value.isArray() && spec.has("items")) {
            JsonNode items = spec.path("items");
            for (int i = 0; i < value.size(); i++) {
                if (items.isTextual()) {
                    if (!is(value.get(i), items.asText())) {
                        problems.add(name + "[" + i + "] is " + value.get(i).getNodeType() + ", documented as " + items.asText());
                    }
                } else {
                    conformValue(name + "[" + i + "]", value.get(i), items, problems);
                }
            }
        }
    }

    private static boolean is(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> throw new IllegalStateException("unknown type " + type + " in the digest");
        };
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = RequestPayParamsConformanceIT.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
