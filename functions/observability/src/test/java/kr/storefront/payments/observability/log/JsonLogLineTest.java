package kr.storefront.payments.observability.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;

class JsonLogLineTest {

    /** What a caller may send to forge a line: a line break, a fake level and logger, a NUL, quotes and braces. */
    static final String FORGERY = "x\r\n[ERROR] ConfirmService - ALERT forged payment\"}\n{\"level\":\"ERROR\"\u0000";

    private final BasicMDCAdapter mdc = new BasicMDCAdapter();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final JsonLogLine lines = new JsonLogLine("CheckoutFunction", mdc, () -> new PrintStream(out, true, StandardCharsets.UTF_8));

    @Test
    void aForgedValueStaysInsideItsString_oneLineThatReadsBackAsSent() throws IOException {
        mdc.put("request_id", FORGERY);

        lines.write(Level.INFO, "kr.storefront.Test", "redirect error_code=" + FORGERY, List.of(new KeyValuePair("imp_uid", FORGERY)), null);

        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written).endsWith("\n");
        assertThat(written.substring(0, written.length() - 1)).doesNotContain("\n", "\r", "\u0000");
        Map<String, Object> line = read(written);
        assertThat(line).containsEntry("level", "INFO").containsEntry("logger", "kr.storefront.Test")
                .containsEntry("message", "redirect error_code=" + FORGERY).containsEntry("function", "CheckoutFunction")
                .containsEntry("request_id", FORGERY).containsEntry("imp_uid", FORGERY);
    }

    @Test
    void anExceptionBecomesTwoFields_itsClassAndItsTrace_stillOneLine() throws IOException {
        byte[] rendered = lines.render(Instant.parse("2026-12-03T00:00:00Z"), Level.ERROR, "kr.storefront.Test", "failed",
                List.of(), new IllegalStateException("line one\nline two"));

        String text = new String(rendered, StandardCharsets.UTF_8);
        assertThat(text.indexOf('\n')).isEqualTo(text.length() - 1);
        Map<String, Object> line = read(text);
        assertThat(line).containsEntry("timestamp", "2026-12-03T00:00:00Z").containsEntry("error", IllegalStateException.class.getName());
        assertThat((String) line.get("stack")).contains("line one\nline two", "at kr.storefront.payments.observability.log.JsonLogLineTest");
    }

    @Test
    void outsideLambda_noFunctionField() throws IOException {
        JsonLogLine local = new JsonLogLine(null, mdc, () -> System.out);

        assertThat(read(new String(local.render(Instant.EPOCH, Level.WARN, "l", "m", List.of(), null), StandardCharsets.UTF_8)))
                .containsOnlyKeys("timestamp", "level", "logger", "message");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String line) throws IOException {
        return ObjectMapper.getDefault().readValue(line, Map.class);
    }
}
