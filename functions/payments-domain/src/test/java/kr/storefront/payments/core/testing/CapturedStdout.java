package kr.storefront.payments.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What was written to stdout while an action ran: the test logger (slf4j-simple, {@code simplelogger.properties})
 * writes every line there, so this is how a test reads the log lines operators rely on, such as {@code ALERT ...}.
 */
public final class CapturedStdout {

    private CapturedStdout() {
    }

    /** Runs {@code action} with stdout captured (worker threads' lines included) and returns what it wrote. */
    public static String of(Runnable action) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(lines, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(stdout);
        }
        return lines.toString(StandardCharsets.UTF_8);
    }
}
