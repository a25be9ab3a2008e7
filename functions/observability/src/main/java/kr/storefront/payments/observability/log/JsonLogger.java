package kr.storefront.payments.observability.log;

import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * A logger whose every call becomes one {@link JsonLogLine}. Key-value pairs of the fluent API
 * ({@code LOG.atInfo().addKeyValue("merchant_uid", id)}) become fields of their own.
 */
final class JsonLogger extends LegacyAbstractLogger implements LoggingEventAware {

    private static final long serialVersionUID = 1L;

    private final int threshold;
    private final transient JsonLogLine lines;

    JsonLogger(String name, int threshold, JsonLogLine lines) {
        this.name = name;
        this.threshold = threshold;
        this.lines = lines;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        lines.write(level, name, MessageFormatter.basicArrayFormat(pattern, arguments), List.of(), throwable);
    }

    @Override
    public void log(LoggingEvent event) {
        if (!enabled(event.getLevel())) {
            return;
        }
        Object[] arguments = event.getArgumentArray();
        String message = arguments == null ? event.getMessage() : MessageFormatter.basicArrayFormat(event.getMessage(), arguments);
        lines.write(event.getLevel(), name, message, event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs(),
                event.getThrowable());
    }
}
