package kr.storefront.payments.observability.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J backend of every function: one JSON object per line on stdout ({@link JsonLogLine}), which
 * CloudWatch Logs Insights reads field by field and in which no logged value can start a line of its own.
 * Found by SLF4J through {@code META-INF/services}. Chosen over logback (0.96 MB of jars per bundle, and
 * its configuration to load at every cold start) because the functions need one format and one sink.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {

    private final BasicMarkerFactory markers = new BasicMarkerFactory();
    private final ThreadLogFields mdc = new ThreadLogFields();
    private JsonLoggerFactory loggers;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        loggers = new JsonLoggerFactory(LogLevels.load(), JsonLogLine.forEnvironment(mdc));
    }
}
