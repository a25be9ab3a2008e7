package kr.storefront.payments.core.rebill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MerchantUidsTest {

    @Test
    void of_isDeterministicPerSubscriptionPeriodAndAttempt() {
        assertThat(MerchantUids.of("sub_abcdefghijklmnop", 12, 3)).isEqualTo("sub_abcdefghijklmnop_p12_a3");
        assertThat(MerchantUids.of("sub_abcdefghijklmnop", 12, 3)).isNotEqualTo(MerchantUids.of("sub_abcdefghijklmnop", 12, 4));
    }

    @Test
    void of_typicalIdsFitIamportsLimitForYearsOfMonthlyPeriods() {
        assertThat(MerchantUids.of("sub_abcdefghijklmnop", 99_999, 999)).hasSizeLessThanOrEqualTo(MerchantUids.MAX_LENGTH);
    }

    @Test
    void of_tooLong_isRefused() {
        assertThatThrownBy(() -> MerchantUids.of("sub_" + "x".repeat(40), 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
