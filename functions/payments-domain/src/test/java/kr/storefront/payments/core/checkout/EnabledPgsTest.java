package kr.storefront.payments.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;
import kr.storefront.payments.core.config.PaymentsConfiguration;
import kr.storefront.payments.core.domain.Pg;
import org.junit.jupiter.api.Test;

/** The enabled PGs as parsed at startup; how requests resolve them is in {@link OrderCheckoutTest}. */
class EnabledPgsTest {

    @Test
    void anUnknownCode_stopsTheFunctionFromStarting() {
        assertThatThrownBy(() -> new EnabledPgs(new PaymentsConfiguration(List.of("tosspayments", "paypal"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown PG 'paypal'");
    }

    @Test
    void aCodeGivenTwice_countsOnce_soItCanStillBeTheDefault() {
        EnabledPgs pgs = new EnabledPgs(new PaymentsConfiguration(List.of("tosspayments", "TossPayments")));

        assertThat(pgs.all()).containsExactly(Pg.TOSSPAYMENTS);
        assertThat(pgs.defaultPg()).contains(Pg.TOSSPAYMENTS);
        assertThat(pgs.isEnabled("tosspayments")).isTrue();
        assertThat(pgs.isEnabled("kakaopay")).isFalse();
        assertThat(pgs.isEnabled(null)).isFalse();
    }

    @Test
    void severalPgs_haveNoDefault() {
        assertThat(new EnabledPgs(new PaymentsConfiguration(List.of("kakaopay", "payco"))).defaultPg()).isEmpty();
    }
}
