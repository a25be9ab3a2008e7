package kr.storefront.payments.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import kr.storefront.payments.core.testing.SampleWorld;
import kr.storefront.payments.testkit.SampleEvents;
import kr.storefront.payments.testkit.SampleEvents.Sample;
import kr.storefront.payments.testkit.aws.TemplateTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code events/} through {@code ./local-stack invoke}, on a fresh local stack (embedded
 * DynamoDB Local, the sample data the files name, Toss API mode on as {@code --toss-api-mode}), against its
 * row of {@link SampleEvents}: each HTTP sample succeeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalInvokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TEMPLATE = TemplateTable.locateTemplate();

    private LocalStack stack;

    @BeforeAll
    void start() {
        stack = LocalStack.start(LocalStackOptions.defaults(TEMPLATE).withPort(0).withTossApiMode(true));
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kr.storefront.payments.testkit.SampleEvents#all")
    void sample_givesItsExpectedOutcome(Sample sample) throws IOException {
        LocalStack.Invocation invocation = stack.invoke(sample.function(), sample.path());

        assertThat(invocation.httpStatus()).as(invocation.output()).isEqualTo(sample.status());
        JsonNode printed = JSON.readTree(invocation.output());
        assertThat(printed.has("statusCode")).as(invocation.output()).isEqualTo(sample.status() != null);
        if (sample.status() != null) {
            assertThat(printed.path("statusCode").asInt()).isEqualTo(sample.status());
        }
    }

    @Test
    void checkoutSample_answersWithRequestPayParameters() throws IOException {
        LocalStack.Invocation invocation = stack.invoke("CheckoutFunction", SampleEvents.path("checkout-orders-create.json"));

        JsonNode body = JSON.readTree(JSON.readTree(invocation.output()).path("body").asText());
        assertThat(body.path("imp_code").asText()).isEqualTo(stack.sandbox().credentials().impCode());
        // 2 x 18,000 + 25,000 from the sample catalog; the event carries no amount
        assertThat(body.path("params").path("amount").asLong()).isEqualTo(61_000L);
        assertThat(body.path("params").path("m_redirect_url").asText()).startsWith(stack.baseUrl() + "/payments/redirect");
    }

    @Test
    void redirectSample_confirmsTheSampleOrder_andGoesToTheSuccessPage() throws IOException {
        LocalStack.Invocation invocation = stack.invoke("VerifyFunction", SampleEvents.path("verify-redirect.json"));

        JsonNode headers = JSON.readTree(invocation.output()).path("headers");
        assertThat(headers.path("Location").asText(headers.path("location").asText()))
                .isEqualTo(stack.baseUrl() + "/demo/result?merchant_uid=" + SampleWorld.UNCONFIRMED_ORDER + "&status=paid");
    }

    @Test
    void scheduleSample_runsTheRebillFunction() throws IOException {
        LocalStack.Invocation invocation = stack.invoke("RebillFunction", SampleEvents.path("rebill-scheduled.json"));

        assertThat(invocation.httpStatus()).isNull();
        JsonNode report = JSON.readTree(invocation.output());
        assertThat(report.path("scheduled_time").asText()).isEqualTo("2026-11-21T03:00:00Z");
        // invoke runs the planner alone, as sam local invoke would: what is due is queued for the workers, not charged
        // (the seeded subscription is due in a month; one the subscribe sample made, if it ran first, is due now)
        assertThat(report.path("due").isNumber()).as(invocation.output()).isTrue();
        assertThat(report.path("queued").asInt()).as(invocation.output()).isEqualTo(report.path("due").asInt());
        assertThat(report.path("charged").asInt()).isZero();
    }

    @Test
    void invokeCommand_printsTheResponseLikeSamLocalInvoke() throws Exception {
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LocalStackCommand.run(new String[] {"invoke", "CheckoutFunction", "-e", SampleEvents.path("checkout-pgs-list.json").toString()},
                    TEMPLATE);
        } finally {
            System.setOut(original);
        }

        JsonNode printed = JSON.readTree(captured.toString(StandardCharsets.UTF_8));
        assertThat(printed.path("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(printed.path("body").asText()).path("pgs").size()).isEqualTo(5);
    }

    /** StorefrontOrigins is required (no default): locally the stack allows its own origin, and only that. */
    @Test
    void cors_allowsTheLocalOrigin_only_andExposesRetryAfter() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String own = stack.baseUrl().toString();
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(stack.baseUrl().resolve("/checkout/orders"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", own)
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(own);

        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(stack.baseUrl().resolve("/checkout/pgs"))
                .header("Origin", "https://elsewhere.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        // (Micronaut itself answers 403 here: its CORS filter refuses a foreign origin on a request to a localhost host)
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(stack.baseUrl().resolve("/checkout/pgs"))
                .header("Origin", own).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(own);
        assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers")).hasValue("retry-after");
    }
}
