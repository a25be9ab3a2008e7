package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChannelTest {

    @Test
    void channel_ofAPgTheSandboxLacks_isRefused() {
        assertThatThrownBy(() -> new Channel("channel-key-inicis", "html5_inicis", "INIBillTst"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("html5_inicis");
    }

    @Test
    void options_withTwoChannelsOfOneKey_areRefused() {
        assertThatThrownBy(() -> SandboxOptions.builder().addChannel(new Channel("channel-key-payco", "payco", "OTHER")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel-key-payco");
    }
}
