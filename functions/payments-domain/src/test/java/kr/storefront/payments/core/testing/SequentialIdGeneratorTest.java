package kr.storefront.payments.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequentialIdGeneratorTest {

    private final SequentialIdGenerator ids = new SequentialIdGenerator();

    @Test
    void idsCountUpAcrossPrefixes_atTheRealLengths() {
        String peeked = ids.peek("ord_", 24);

        assertThat(ids.merchantUid()).isEqualTo("ord_000000000000000000000001").isEqualTo(peeked);
        assertThat(ids.customerUid()).isEqualTo("cuid_000000000000000000000002");
        assertThat(ids.subscriptionId()).isEqualTo("sub_0000000000000003").hasSize(20);
        assertThat(ids.minted()).hasSize(3);
    }
}
