package kr.storefront.payments.logaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reads every log line the build's tests wrote (each module's {@code surefire-reports} and {@code failsafe-reports}
 * {@code *-output.txt}: the functions in-process against the sandbox and the emulator, ./local-stack, the demo in a
 * browser, the curl session) and fails on any secret, i'mport access token, card number or buyer contact in them.
 * Runs after those modules' tests (see the pom); without their reports it fails rather than pass on nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogLeakAuditIT {

    /** The modules whose runs must be there: the three functions and the local stack. */
    static final List<String> AUDITED = List.of("functions/checkout", "functions/verify", "functions/rebill", "local");

    /** The sandbox's REST secret (testkit MerchantCredentials.defaults()). */
    static final String SECRET = "sandbox-rest-secret";
    /** i'mport's access tokens, as the sandbox issues them: 40 hex digits (but for Jetty's "git: <commit>" line). */
    static final Pattern TOKEN = Pattern.compile("(?<![0-9a-f])(?<!git: )[0-9a-f]{40}(?![0-9a-f])");
    /** 15 or 16 digits, alone or in groups (a card number, however written), not inside a longer id (a UUID's groups). */
    static final Pattern CARD = Pattern.compile("(?<![0-9A-Za-z-])(?:[0-9][ -]?){14,15}[0-9](?![0-9A-Za-z-])");
    /** The test cards the tests pay with, digits only (some are not Luhn-valid, so they are named). */
    static final List<String> TEST_CARDS = List.of("5365100020003000", "5365100020004000", "5365100020005000", "5428791234560294",
            "5361810000004021", "4000100020003000");
    /** A Korean mobile number (the buyers' are 010-1234-5678 and the like). */
    static final Pattern PHONE = Pattern.compile("(?<![0-9])01[016789][ -]?[0-9]{3,4}[ -]?[0-9]{4}(?![0-9])");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private final List<Line> lines = new ArrayList<>();

    record Line(Path file, int number, String text) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + number + ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    @BeforeAll
    void readTheRun() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String module : AUDITED) {
            List<Path> outputs = new ArrayList<>();
            for (String reports : List.of("surefire-reports", "failsafe-reports")) {
                Path dir = root.resolve(module).resolve("target").resolve(reports);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.filter(file -> file.getFileName().toString().endsWith("-output.txt")).forEach(outputs::add);
                    }
                }
            }
            assertThat(outputs).as("%s has no test output to audit: run the whole build (mvn verify)", module).isNotEmpty();
            for (Path output : outputs) {
                List<String> text = Files.readAllLines(output, StandardCharsets.UTF_8);
                for (int i = 0; i < text.size(); i++) {
                    lines.add(new Line(root.relativize(output), i + 1, text.get(i)));
                }
            }
        }
        assertThat(lines.stream().filter(line -> line.text().startsWith("{\"timestamp\"")).count())
                .as("JSON log lines of the functions read").isGreaterThan(500);
    }

    @Test
    void noSecret() {
        assertThat(lines).filteredOn(line -> line.text().contains(SECRET)).isEmpty();
    }

    @Test
    void noAccessToken() {
        assertThat(lines).filteredOn(line -> TOKEN.matcher(line.text()).find()).isEmpty();
    }

    @Test
    void noCardNumber() {
        assertThat(lines).filteredOn(line -> {
            Matcher candidates = CARD.matcher(line.text());
            while (candidates.find()) {
                String digits = candidates.group().replaceAll("[ -]", "");
                if (TEST_CARDS.contains(digits) || luhnValid(digits)) {
                    return true;
                }
            }
            return false;
        }).isEmpty();
    }

    @Test
    void noBuyerPhoneOrEmail() {
        assertThat(lines).filteredOn(line -> PHONE.matcher(line.text()).find()).isEmpty();
        assertThat(lines).filteredOn(line -> EMAIL.matcher(line.text()).find()).isEmpty();
    }

    @Test
    void theAuditFindsWhatItLooksFor() {
        assertThat(TOKEN.matcher("\"access_token\":\"" + "0123456789abcdef0123456789abcdef01234567" + "\"").find()).isTrue();
        assertThat(luhnValid("4111111111111111")).isTrue();
        assertThat(CARD.matcher("card 5365-1000-2000-3000 ok").find()).isTrue();
        assertThat(PHONE.matcher("buyer_tel=010-1234-5678").find()).isTrue();
        assertThat(EMAIL.matcher("buyer_email=buyer@example.com").find()).isTrue();
        assertThat(CARD.matcher("\"Timestamp\":1780272000000").find()).as("epoch millis are 13 digits").isFalse();
        assertThat(CARD.matcher("\"request_id\":\"bc2d0484-8299-4254-9848-adf8099126e4\"").find()).as("a UUID's digit groups").isFalse();
        assertThat(CARD.matcher("\"card_number\":\"5365100020003000\"").find()).isTrue();
        assertThat(TOKEN.matcher("built: 2025-10-07; git: 6cc265bcd6d16f69b8b7f70a7143c8579fe58868;").find()).isFalse();
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

}
