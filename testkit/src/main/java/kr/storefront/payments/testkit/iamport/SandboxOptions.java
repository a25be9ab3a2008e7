package kr.storefront.payments.testkit.iamport;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a sandbox starts. Webhook timeouts default to i'mport's first-delivery timeouts
 * (connect 10 s, read 30 s).
 *
 * @param consoleWebhookUrl the console notification URL, or null for none
 */
public record SandboxOptions(
        MerchantCredentials credentials,
        SandboxClock clock,
        WebhookFormat webhookFormat,
        URI consoleWebhookUrl,
        Duration webhookConnectTimeout,
        Duration webhookReadTimeout) {

    public SandboxOptions {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(webhookFormat, "webhookFormat");
        Objects.requireNonNull(webhookConnectTimeout, "webhookConnectTimeout");
        Objects.requireNonNull(webhookReadTimeout, "webhookReadTimeout");
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

        public SandboxOptions build() {
            return new SandboxOptions(credentials, clock, webhookFormat, consoleWebhookUrl, webhookConnectTimeout,
                    webhookReadTimeout);
        }
    }
}
