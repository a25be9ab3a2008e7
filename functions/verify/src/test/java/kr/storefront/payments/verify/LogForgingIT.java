package kr.storefront.payments.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import org.junit.jupiter.api.Test;

/**
 * Every input verify logs, sent with CR, LF and NUL and a line that looks like an ALERT: each log line is still one
 * well-formed JSON object, and no line of its own says what the caller wrote (issue 18: unauthenticated log forging).
 */
class LogForgingIT extends VerifyIntegrationTest {

    static final String FORGED_LINE = "[ERROR] ConfirmService - ALERT forged payment merchant_uid=ord_x";
    static final String FORGERY = "x\r\n" + FORGED_LINE + "\n{\"level\":\"ERROR\",\"message\":\"ALERT\"}\u0000\r";

    @Test
    void redirect_callback_andWebhook_inBothContentTypes_logOneJsonObjectPerLine() {
        List<HttpApiResponse> answers = new ArrayList<>();
        String logged = VerifyTestSupport.capturingStdout(() -> {
            for (String field : List.of("imp_uid", "merchant_uid", "imp_success", "error_code", "error_msg")) {
                Map<String, String> query = new HashMap<>(Map.of("imp_uid", "imp_1", "merchant_uid", "ord_1", "imp_success", "false",
                        "error_code", "F400"));
                query.put(field, FORGERY);
                answers.add(verify.redirect(query));
            }
            answers.add(verify.callback(FORGERY, FORGERY));
            answers.add(verify.callback("imp_1", FORGERY));
            answers.add(verify.bed.invoke(HttpApiEvent.request("POST", "/webhooks/iamport").body(
                    "{\"imp_uid\":" + jsonString(FORGERY) + ",\"merchant_uid\":" + jsonString(FORGERY) + ",\"status\":"
                            + jsonString(FORGERY) + "}")));
            answers.add(verify.bed.invoke(HttpApiEvent.request("POST", "/webhooks/iamport")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body("imp_uid=" + form(FORGERY) + "&merchant_uid=" + form(FORGERY) + "&status=" + form(FORGERY))));
            answers.add(verify.bed.invoke(HttpApiEvent.request("POST", "/webhooks/iamport").body("{\"" + FORGERY + "\":1}")));
        });

        assertThat(answers).extracting(HttpApiResponse::status).allSatisfy(status -> assertThat(status).isLessThan(500));
        List<String> lines = logged.lines().filter(line -> !line.isEmpty()).toList();
        assertThat(lines).as("the forged inputs were logged").isNotEmpty();
        assertThat(lines).allSatisfy(line -> {
            assertThat(line).startsWith("{").endsWith("}").doesNotContain("\r", "\u0000");
            Map<String, Object> fields = read(line);
            if (!fields.containsKey("_aws")) { // else a metric line (EMF), written by us alone
                assertThat(fields).containsKeys("timestamp", "level", "logger", "message");
                assertThat((String) fields.get("message")).doesNotStartWith(FORGED_LINE);
            }
        });
        assertThat(lines).as("what the caller sent is inside a string, never a line of its own")
                .noneMatch(line -> line.startsWith("[") || line.startsWith("{\"level\""));
        assertThat(lines).as("the forged inputs are in the lines, escaped").anyMatch(line -> line.contains("\\r\\n[ERROR] ConfirmService"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String line) {
        try {
            return ObjectMapper.getDefault().readValue(line, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not one JSON object: " + line, e);
        }
    }

    private static String jsonString(String value) {
        try {
            return new String(ObjectMapper.getDefault().writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
