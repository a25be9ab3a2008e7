package kr.storefront.payments.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kr.storefront.payments.testkit.aws.TemplateTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code events/} through {@code ./local-stack invoke}, on a fresh local stack (embedded
 * DynamoDB Local, sample catalog, empty sandbox): the sample ids name nothing that exists, so the
 * routes that look them up answer their "unknown" case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalInvokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TEMPLATE = TemplateTable.locateTemplate();
    private static final Path EVENTS = TEMPLATE.getParent().resolve("events");

    private LocalStack stack;

    @BeforeAll
    void start() {
        stack = LocalStack.start(LocalStackOptions.defaults(TEMPLATE).withPort(0));
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    static Stream<Arguments> httpSamples() {
        return Stream.of(
                Arguments.of("checkout-pgs-list.json", 200),
                Arguments.of("checkout-products-list.json", 200),
                Arguments.of("checkout-plans-list.json", 200),
                Arguments.of("checkout-orders-create.json", 200),
                Arguments.of("checkout-billing-keys-create.json", 200),
                Arguments.of("checkout-billing-keys-list.json", 200),
                Arguments.of("checkout-billing-keys-delete.json", 404),
                Arguments.of("checkout-billing-keys-card.json", 403),
                Arguments.of("checkout-payments-card.json", 403),
                Arguments.of("checkout-subscriptions-create.json", 400),
                Arguments.of("checkout-subscriptions-list.json", 200),
                Arguments.of("checkout-subscriptions-cancel.json", 404),
                Arguments.of("checkout-admin-product-put.json", 200),
                Arguments.of("checkout-admin-plan-put.json", 200),
                Arguments.of("verify-redirect.json", 302),
                Arguments.of("verify-confirm.json", 404),
                Arguments.of("verify-webhook-json.json", 404),
                Arguments.of("verify-webhook-form.json", 404));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("httpSamples")
    void httpSample_givesItsExpectedStatus(String file, int expectedStatus) throws IOException {
        LocalStack.Invocation invocation = stack.invoke(functionOf(file), EVENTS.resolve(file));

        assertThat(invocation.httpStatus()).as(invocation.output()).isEqualTo(expectedStatus);
        JsonNode printed = JSON.readTree(invocation.output());
        assertThat(printed.path("statusCode").asInt()).isEqualTo(expectedStatus);
    }

    @Test
    void checkoutSample_answersWithRequestPayParameters() throws IOException {
        LocalStack.Invocation invocation = stack.invoke("CheckoutFunction", EVENTS.resolve("checkout-orders-create.json"));

        JsonNode body = JSON.readTree(JSON.readTree(invocation.output()).path("body").asText());
        assertThat(body.path("imp_code").asText()).isEqualTo(stack.sandbox().credentials().impCode());
        // 2 x 18,000 + 25,000 from the sample catalog; the event carries no amount
        assertThat(body.path("params").path("amount").asLong()).isEqualTo(61_000L);
        assertThat(body.path("params").path("m_redirect_url").asText()).startsWith(stack.baseUrl() + "/payments/redirect");
    }

    @Test
    void redirectSample_goesToTheConfiguredFailurePage_withoutEchoingUnknownIds() throws IOException {
        LocalStack.Invocation invocation = stack.invoke("VerifyFunction", EVENTS.resolve("verify-redirect.json"));

        JsonNode headers = JSON.readTree(invocation.output()).path("headers");
        assertThat(headers.path("Location").asText(headers.path("location").asText()))
                .isEqualTo(stack.baseUrl() + "/demo/result?status=invalid");
    }

    @Test
    void scheduleSample_runsTheRebillFunction() throws IOException {
        LocalStack.Invocation invocation = stack.invoke("RebillFunction", EVENTS.resolve("rebill-scheduled.json"));

        assertThat(invocation.httpStatus()).isNull();
        JsonNode report = JSON.readTree(invocation.output());
        assertThat(report.path("scheduled_time").asText()).isEqualTo("2026-11-21T03:00:00Z");
        assertThat(report.path("due").isNumber()).as(invocation.output()).isTrue();
        assertThat(report.path("charged").asInt()).isZero();
    }

    @Test
    void everyEventFile_isCovered() throws IOException {
        List<String> covered = Stream.concat(httpSamples().map(a -> (String) a.get()[0]), Stream.of("rebill-scheduled.json"))
                .toList();
        try (Stream<Path> files = Files.list(EVENTS)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(covered);
        }
    }

    @Test
    void invokeCommand_printsTheResponseLikeSamLocalInvoke() throws Exception {
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LocalStackCommand.run(new String[] {"invoke", "CheckoutFunction", "-e", EVENTS.resolve("checkout-pgs-list.json").toString()},
                    TEMPLATE);
        } finally {
            System.setOut(original);
        }

        JsonNode printed = JSON.readTree(captured.toString(StandardCharsets.UTF_8));
        assertThat(printed.path("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(printed.path("body").asText()).path("pgs").size()).isEqualTo(5);
    }

    private static String functionOf(String file) {
        Map<String, String> byPrefix = Map.of("checkout-", "CheckoutFunction", "verify-", "VerifyFunction", "rebill-", "RebillFunction");
        return byPrefix.entrySet().stream().filter(e -> file.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function for " + file));
    }
}
