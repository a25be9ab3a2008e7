package kr.storefront.payments.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What was written to stdout while an action ran: the test logger (slf4j-simple, {@code simplelogger.properties})
 * writes every line there, so this is how a test reads the log lines operators rely on, such as {@code ALERT ...}.
 */
public final class CapturedStdout {

    private CapturedStdout() {
    }

    /**
     * Runs {@code action} with stdout captured (worker threads' lines included) and returns what it wrote. The
     * lines still reach the real stdout too, so the test run's output (which log-audit reads) has them all.
     */
    public static String of(Runnable action) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                lines.write(b);
                stdout.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                lines.write(b, off, len);
                stdout.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(stdout);
        }
        return lines.toString(StandardCharsets.UTF_8);
    }
}
