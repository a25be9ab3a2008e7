package kr.storefront.payments.core.rebill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanContextException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RebillConfigurationTest {

    @Test
    void defaults_areTheDocumentedOnes() {
        try (ApplicationContext context = ApplicationContext.run()) {
            RebillConfiguration rebill = context.getBean(RebillConfiguration.class);

            assertThat(rebill.concurrency()).isEqualTo(8);
            assertThat(rebill.dunningSchedule()).containsExactly(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));
            assertThat(rebill.afterDunning()).isEqualTo(RebillConfiguration.AfterDunning.PAST_DUE);
            assertThat(rebill.unknownSettleTime()).isEqualTo(Duration.ofMinutes(10));
            assertThat(rebill.defaultTimeLimit().minus(rebill.stopBeforeDeadline())).isPositive();
        }
    }

    @Test
    void commaSeparatedSchedule_andPolicy_bindAsEnvironmentVariablesWouldSetThem() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("rebill.dunning-schedule", "12h,2d",
                "rebill.after-dunning", "CANCEL"))) {
            RebillConfiguration rebill = context.getBean(RebillConfiguration.class);

            assertThat(rebill.dunningSchedule()).containsExactly(Duration.ofHours(12), Duration.ofDays(2));
            assertThat(rebill.afterDunning()).isEqualTo(RebillConfiguration.AfterDunning.CANCEL);
        }
    }

    @Test
    void zeroConcurrency_failsValidation() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("rebill.concurrency", 0))) {
            assertThatThrownBy(() -> context.getBean(RebillConfiguration.class))
                    .isInstanceOf(BeanContextException.class).hasMessageContaining("concurrency");
        }
    }
}
