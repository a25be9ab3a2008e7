package kr.storefront.payments.observability.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.event.Level;

/**
 * Thresholds by logger-name prefix: {@code level} (all loggers) and {@code level.<prefix>} from
 * {@code json-logger.properties} on the class path, then the same keys as system properties prefixed
 * {@code json-logger.}; the environment's {@code LOG_LEVEL} (the template's {@code LogLevel}) sets the
 * default when no system property does. Read here, at the logging bootstrap, because logging starts before
 * any configuration bean exists. The longest matching prefix wins; {@code off} silences.
 */
final class LogLevels {

    static final String RESOURCE = "json-logger.properties";
    private static final String SYSTEM_PREFIX = "json-logger.";
    private static final int OFF = Integer.MAX_VALUE;

    private final int defaultThreshold;
    private final TreeMap<String, Integer> byPrefix;

    private LogLevels(int defaultThreshold, TreeMap<String, Integer> byPrefix) {
        this.defaultThreshold = defaultThreshold;
        this.byPrefix = byPrefix;
    }

    static LogLevels load() {
        Properties settings = new Properties();
        try (InputStream in = LogLevels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                settings.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String environment = System.getenv("LOG_LEVEL");
        if (environment != null && !environment.isBlank()) {
            settings.setProperty("level", environment);
        }
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(SYSTEM_PREFIX))
                .forEach(key -> settings.setProperty(key.substring(SYSTEM_PREFIX.length()), System.getProperty(key)));
        return of(settings);
    }

    static LogLevels of(Properties settings) {
        int fallback = parse(settings.getProperty("level", "info"));
        TreeMap<String, Integer> prefixes = new TreeMap<>();
        for (String key : settings.stringPropertyNames()) {
            if (key.startsWith("level.")) {
                prefixes.put(key.substring("level.".length()), parse(settings.getProperty(key)));
            }
        }
        return new LogLevels(fallback, prefixes);
    }

    /** The lowest level ({@link Level#toInt()}) the named logger writes; above every level when off. */
    int threshold(String loggerName) {
        String longest = null;
        for (String prefix : byPrefix.keySet()) {
            boolean matches = loggerName.equals(prefix) || loggerName.startsWith(prefix + ".");
            if (matches && (longest == null || prefix.length() > longest.length())) {
                longest = prefix;
            }
        }
        return longest == null ? defaultThreshold : byPrefix.get(longest);
    }

    private static int parse(String level) {
        String name = level.trim().toUpperCase(Locale.ROOT);
        if (name.equals("OFF")) {
            return OFF;
        }
        return switch (name) {
            case "TRACE", "DEBUG", "INFO", "ERROR" -> Level.valueOf(name).toInt();
            case "WARN", "WARNING" -> Level.WARN.toInt();
            default -> throw new IllegalArgumentException("log level must be trace, debug, info, warn, error or off");
        };
    }
}
