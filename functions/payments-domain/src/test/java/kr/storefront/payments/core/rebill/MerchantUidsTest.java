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
    void parse_readsBackWhatOfWrote_forThatSubscriptionOnly() {
        String merchantUid = MerchantUids.of("sub_a_b", 12, 3);

        assertThat(MerchantUids.parse(merchantUid, "sub_a_b")).contains(new MerchantUids.Attempt("sub_a_b", 12, 3));
        assertThat(MerchantUids.parse(merchantUid, "sub_a")).as("another subscription's prefix").isEmpty();
        assertThat(MerchantUids.parse("sub_a_b_p12", "sub_a_b")).isEmpty();
        assertThat(MerchantUids.parse("ord_123", "sub_a_b")).isEmpty();
    }

    @Test
    void of_tooLong_isRefused() {
        assertThatThrownBy(() -> MerchantUids.of("sub_" + "x".repeat(40), 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
