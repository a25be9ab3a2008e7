package kr.storefront.payments.observability.metrics;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format document: metrics that share a dimension breakdown, written as one
 * line on stdout, which Lambda's log pipeline turns into metrics (no API call). Every line has the
 * {@code [Service]} dimension set; a breakdown ({@code Status=paid}) adds {@code [Service, Status]}.
 */
final class EmfLine {

    enum Unit { Count, Milliseconds, None }

    private static final JsonFactory JSON = new JsonFactory();

    private final String namespace;
    private final String service;
    private final Map<String, Long> values = new LinkedHashMap<>();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private String breakdownName;
    private String breakdownValue;

    private final boolean counts;

    /** @param counts false: {@link #emit} writes nothing (see {@link MetricsGate}) */
    EmfLine(MetricsConfiguration configuration, boolean counts) {
        this.namespace = configuration.namespace();
        this.service = configuration.service();
        this.counts = counts;
    }

    EmfLine by(String dimension, String value) {
        this.breakdownName = dimension;
        this.breakdownValue = value;
        return this;
    }

    EmfLine count(String metric, long value) {
        return put(metric, value, Unit.Count);
    }

    EmfLine put(String metric, long value, Unit unit) {
        values.put(metric, value);
        units.put(metric, unit);
        return this;
    }

    byte[] render(Instant at) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", at.toEpochMilli());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", namespace);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            json.writeString("Service");
            json.writeEndArray();
            if (breakdownName != null) {
                json.writeStartArray();
                json.writeString("Service");
                json.writeString(breakdownName);
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Map.Entry<String, Unit> metric : units.entrySet()) {
                json.writeStartObject();
                json.writeStringField("Name", metric.getKey());
                json.writeStringField("Unit", metric.getValue().name());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField("Service", service);
            if (breakdownName != null) {
                json.writeStringField(breakdownName, breakdownValue);
            }
            for (Map.Entry<String, Long> value : values.entrySet()) {
                json.writeNumberField(value.getKey(), value.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        buffer.write('\n');
        return buffer.toByteArray();
    }

    /** One write of the current stdout, so the line is one log event of its own. */
    void emit(Instant at) {
        if (!counts) {
            return;
        }
        byte[] line = render(at);
        PrintStream out = System.out;
        synchronized (out) {
            out.write(line, 0, line.length);
            out.flush();
        }
    }
}
