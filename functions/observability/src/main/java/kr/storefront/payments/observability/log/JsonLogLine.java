package kr.storefront.payments.observability.log;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.spi.MDCAdapter;

/**
 * Writes one log event as one line: {@code {"timestamp","level","logger","message","function", the MDC's
 * fields (request_id, aws_request_id, merchant_uid, ...), the event's key-value pairs, "error","stack"}}.
 * jackson-core escapes every value, so CR, LF, NUL or a quote in a logged value stays inside its string:
 * nothing a caller sends can forge a line, a level or a field. Each line goes out in one write of the
 * stream that is {@code System.out} at that moment (Lambda's runtime makes each write one log event).
 */
final class JsonLogLine {

    private static final JsonFactory JSON = new JsonFactory();

    private final String function;
    private final MDCAdapter mdc;
    private final Supplier<PrintStream> out;

    JsonLogLine(String function, MDCAdapter mdc, Supplier<PrintStream> out) {
        this.function = function;
        this.mdc = mdc;
        this.out = out;
    }

    /** The function's name from Lambda's environment (absent outside Lambda), lines to the current stdout. */
    static JsonLogLine forEnvironment(MDCAdapter mdc) {
        return new JsonLogLine(System.getenv("AWS_LAMBDA_FUNCTION_NAME"), mdc, () -> System.out);
    }

    void write(Level level, String logger, String message, List<KeyValuePair> fields, Throwable throwable) {
        byte[] line = render(Instant.now(), level, logger, message, fields, throwable);
        PrintStream stream = out.get();
        synchronized (stream) {
            stream.write(line, 0, line.length);
            stream.flush();
        }
    }

    byte[] render(Instant at, Level level, String logger, String message, List<KeyValuePair> fields, Throwable throwable) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("timestamp", at.toString());
            json.writeStringField("level", level.name());
            json.writeStringField("logger", logger);
            json.writeStringField("message", message);
            if (function != null) {
                json.writeStringField("function", function);
            }
            Map<String, String> context = mdc.getCopyOfContextMap();
            if (context != null) {
                for (Map.Entry<String, String> field : context.entrySet()) {
                    json.writeStringField(field.getKey(), field.getValue());
                }
            }
            for (KeyValuePair field : fields) {
                json.writeStringField(field.key, String.valueOf(field.value));
            }
            if (throwable != null) {
                json.writeStringField("error", throwable.getClass().getName());
                StringWriter trace = new StringWriter();
                throwable.printStackTrace(new PrintWriter(trace));
                json.writeStringField("stack", trace.toString());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        buffer.write('\n');
        return buffer.toByteArray();
    }
}
