package kr.storefront.payments.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.storefront.payments.testkit.aws.TemplateTable;
import kr.storefront.payments.testkit.iamport.Payment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The README's curl session, run as written (only the port differs) against a running local stack. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurlSessionIT {

    private static final Path ROOT = TemplateTable.locateTemplate().getParent();
    private static final String START = "<!-- curl-session:start -->";
    private static final String END = "<!-- curl-session:end -->";

    private LocalStack stack;

    @BeforeAll
    void start() {
        stack = LocalStack.start(LocalStackOptions.defaults(TemplateTable.locateTemplate()).withPort(0));
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void readmeCurlSession_paysAnOrderAndReachesEveryKindOfRoute() throws Exception {
        String script = readmeSession().replace("http://127.0.0.1:8080", stack.baseUrl().toString());

        Process bash = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).as("PGs").contains("[\"tosspayments\",\"kakaopay\",\"payco\",\"chai\",\"uplus\"]");
        assertThat(output).as("catalog").contains("{\"sku\":\"BEANS-1KG\",\"price\":18000}");
        assertThat(output).as("the amount from the catalog").contains("\"amount\": 36000");
        assertThat(output).as("confirmed by verify").contains("\"status\": \"paid\"");
        assertThat(output).as("alice has no keys yet").contains("{\"items\":[]}");
        assertThat(output).as("the JWT authorizer").contains("401 without a token");
        assertThat(output).as("the IAM-signed upsert").contains("\"sku\":\"MUG\"").contains("\"price\":9500");
        assertThat(output).as("its audit entry").contains("[\"" + ApiGatewayFrontend.LOCAL_ADMIN_ARN + "\",\"price 9000 → 9500 won\"]");
        Matcher merchantUid = Pattern.compile("\"merchant_uid\": \"([^\"]+)\"").matcher(output);
        assertThat(merchantUid.find()).as(output).isTrue();
        assertThat(stack.sandbox().paymentsByMerchantUid(merchantUid.group(1))).as("paid once at the sandbox")
                .singleElement().satisfies(payment -> {
                    assertThat(payment.status()).isEqualTo(Payment.Status.PAID);
                    assertThat(payment.amount()).isEqualTo(36_000L);
                });
    }

    @Test
    void redirect_reachesTheBrowserWithOneLocationAndOneCacheControl() throws Exception {
        java.net.http.HttpResponse<Void> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(stack.baseUrl().resolve("/payments/redirect?merchant_uid=ord_unknown")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().allValues("location")).singleElement().satisfies(location ->
                assertThat(location).contains("status="));
        assertThat(response.headers().allValues("cache-control")).containsExactly("no-store");
    }

    private static String readmeSession() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README has the curl session markers").isNotNegative();
        String block = readme.substring(start + START.length(), end);
        return block.substring(block.indexOf("```sh") + 5, block.lastIndexOf("```"));
    }
}
