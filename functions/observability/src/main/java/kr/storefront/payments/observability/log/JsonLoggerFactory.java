package kr.storefront.payments.observability.log;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link JsonLogger} per name, its threshold fixed when it is made. */
final class JsonLoggerFactory implements ILoggerFactory {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final LogLevels levels;
    private final JsonLogLine lines;

    JsonLoggerFactory(LogLevels levels, JsonLogLine lines) {
        this.levels = levels;
        this.lines = lines;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new JsonLogger(n, levels.threshold(n), lines));
    }
}
