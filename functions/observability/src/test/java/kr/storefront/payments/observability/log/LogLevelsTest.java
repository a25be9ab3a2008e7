package kr.storefront.payments.observability.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LogLevelsTest {

    @Test
    void theLongestMatchingPrefixWins_wholeNameSegmentsOnly() {
        Properties settings = new Properties();
        settings.setProperty("level", "warn");
        settings.setProperty("level.kr.storefront", "info");
        settings.setProperty("level.kr.storefront.payments.iamport", "error");
        settings.setProperty("level.io.micronaut", "off");
        LogLevels levels = LogLevels.of(settings);

        assertThat(levels.threshold("org.apache.http.wire")).isEqualTo(Level.WARN.toInt());
        assertThat(levels.threshold("kr.storefront.payments.core.ConfirmService")).isEqualTo(Level.INFO.toInt());
        assertThat(levels.threshold("kr.storefront.payments.iamport.client.IamportExchange")).isEqualTo(Level.ERROR.toInt());
        assertThat(levels.threshold("kr.storefrontx.Other")).as("a prefix is whole segments").isEqualTo(Level.WARN.toInt());
        assertThat(levels.threshold("io.micronaut.context.DefaultBeanContext")).isGreaterThan(Level.ERROR.toInt());
    }

    @Test
    void infoByDefault_andAnUnknownLevelIsRefused() {
        assertThat(LogLevels.of(new Properties()).threshold("any")).isEqualTo(Level.INFO.toInt());
        Properties wrong = new Properties();
        wrong.setProperty("level", "verbose");
        assertThatThrownBy(() -> LogLevels.of(wrong)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log level");
    }
}
