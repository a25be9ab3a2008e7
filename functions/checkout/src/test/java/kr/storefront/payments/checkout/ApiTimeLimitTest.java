package kr.storefront.payments.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The checkout function's i'mport timeouts, as deployed (its application.properties; the test beds shorten them):
 * a charge call gives up well inside API Gateway's 29 s, so the caller gets an answer (202 pending) and the
 * function is never killed mid-call.
 */
class ApiTimeLimitTest {

    private static final Duration API_LIMIT = Duration.ofSeconds(29);

    @Test
    void aChargeCall_endsInsideTheApiLimit_withRoomForTheLookupsAround() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ApiTimeLimitTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        Duration connect = seconds(properties.getProperty("iamport.connect-timeout"));
        Duration charge = seconds(properties.getProperty("iamport.charge-read-timeout"));

        assertThat(charge).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(25));
        assertThat(connect.plus(charge)).isLessThanOrEqualTo(API_LIMIT.minusSeconds(5));
    }

    private static Duration seconds(String value) {
        assertThat(value).as("set in checkout's application.properties").matches("[0-9]+s");
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }
}
