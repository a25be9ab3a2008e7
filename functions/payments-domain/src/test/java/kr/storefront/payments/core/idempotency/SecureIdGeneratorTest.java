package kr.storefront.payments.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureIdGeneratorTest {

    private final IdGenerator ids = new SecureIdGenerator();

    @Test
    void ids_fitIamportsLimits_andUseOnlyLowercaseBase32() {
        assertThat(ids.merchantUid()).matches("ord_[a-z2-7]{24}").hasSizeLessThanOrEqualTo(40);
        assertThat(ids.customerUid()).matches("cuid_[a-z2-7]{24}").hasSizeLessThanOrEqualTo(80);
        assertThat(ids.subscriptionId()).matches("sub_[a-z2-7]{16}");
        // the rebill merchant_uid built on a subscription id stays within 40 characters
        assertThat(ids.subscriptionId() + "_p9999_a99").hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void ids_doNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(ids.merchantUid())).isTrue();
        }
    }
}
