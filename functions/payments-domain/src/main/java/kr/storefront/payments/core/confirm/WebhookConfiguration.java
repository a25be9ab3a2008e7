package kr.storefront.payments.core.confirm;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * Webhook settings.
 *
 * @param allowedSourceIps when not empty, only these sender addresses are accepted (i'mport's are
 *                         52.78.100.19, 52.78.48.223, 52.78.5.241). Defence in depth only: off by default,
 *                         because i'mport has changed them before, and the re-fetch is the real check
 * @param recordRetention  how long delivery records are kept
 */
@ConfigurationProperties("webhook")
public record WebhookConfiguration(
        @Bindable(defaultValue = "") List<String> allowedSourceIps,
        @Bindable(defaultValue = "90d") @NotNull Duration recordRetention) {

    public WebhookConfiguration {
        allowedSourceIps = allowedSourceIps == null ? List.of()
                : allowedSourceIps.stream().map(String::trim).filter(ip -> !ip.isEmpty()).toList();
    }
}
