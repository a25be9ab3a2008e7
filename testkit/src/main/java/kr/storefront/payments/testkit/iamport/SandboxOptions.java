package kr.storefront.payments.testkit.iamport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a sandbox starts. Webhook timeouts default to i'mport's first-delivery timeouts
 * (connect 10 s, read 30 s).
 *
 * @param consoleWebhookUrl  the console notification URL, or null for none
 * @param channels           the account's channels (default {@link Channel#defaults()}), keys unique
 */
public record SandboxOptions(
        MerchantCredentials credentials,
        SandboxClock clock,
        WebhookFormat webhookFormat,
        URI consoleWebhookUrl,
        Duration webhookConnectTimeout,
        Duration webhookReadTimeout,
        List<Channel> channels) {

    public SandboxOptions {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(webhookFormat, "webhookFormat");
        Objects.requireNonNull(webhookConnectTimeout, "webhookConnectTimeout");
        Objects.requireNonNull(webhookReadTimeout, "webhookReadTimeout");
        channels = List.copyOf(channels);
        new ChannelRegistry(channels); // refuses duplicate keys now, not when the sandbox starts
    }

    public static SandboxOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private MerchantCredentials credentials = MerchantCredentials.defaults();
        private SandboxClock clock = SandboxClock.system();
        private WebhookFormat webhookFormat = WebhookFormat.JSON;
        private URI consoleWebhookUrl;
        private Duration webhookConnectTimeout = Duration.ofSeconds(10);
        private Duration webhookReadTimeout = Duration.ofSeconds(30);
        private final List<Channel> channels = new ArrayList<>(Channel.defaults());

        private Builder() {
        }

        public Builder credentials(MerchantCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder clock(SandboxClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder webhookFormat(WebhookFormat webhookFormat) {
            this.webhookFormat = webhookFormat;
            return this;
        }

        public Builder consoleWebhookUrl(URI consoleWebhookUrl) {
            this.consoleWebhookUrl = consoleWebhookUrl;
            return this;
        }

        public Builder webhookTimeouts(Duration connect, Duration read) {
            this.webhookConnectTimeout = connect;
            this.webhookReadTimeout = read;
            return this;
        }

        /** Replaces the channels (the defaults included). */
        public Builder channels(List<Channel> channels) {
            this.channels.clear();
            this.channels.addAll(channels);
            return this;
        }

        /** Adds a channel to the defaults (or to those given to {@link #channels}). */
        public Builder addChannel(Channel channel) {
            this.channels.add(Objects.requireNonNull(channel, "channel"));
            return this;
        }

        public SandboxOptions build() {
            return new SandboxOptions(credentials, clock, webhookFormat, consoleWebhookUrl, webhookConnectTimeout,
                    webhookReadTimeout, channels);
        }
    }
}
