package kr.storefront.payments.core.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how we talk to the i'mport V1 API, and where its credentials live.
 *
 * <p>Timeouts must fit inside the Lambda timeout of the function using them: the HTTP functions
 * run behind API Gateway (29 s), so ordinary calls get a short read timeout; billing-key charges
 * ({@code again}, {@code onetime}) wait on the card company and get a long one (PortOne advises
 * at least 60 s), which only the rebill function (15 min timeout) should rely on.
 *
 * @param baseUrl            API root, {@code https://api.iamport.kr} unless pointed at a sandbox
 * @param secretId           Secrets Manager id or ARN of the JSON secret holding imp_key, imp_secret, imp_code
 * @param connectTimeout     TCP/TLS connect timeout for every call
 * @param readTimeout        response timeout for lookups, prepare, cancel and billing-key management
 * @param chargeReadTimeout  response timeout for calls that charge a card
 * @param tokenRefreshMargin how long before i'mport's {@code expired_at} a cached token is replaced
 * @param secretCacheTtl     how long the fetched secret is reused before it is read again
 * @param connectionReuseWindow how long after the previous call a kept-alive connection is reused; after a longer
 *                           pause (a Lambda environment frozen between invocations) the next call opens a new one,
 *                           because the server may have closed the idle one unnoticed. Keep it below i'mport's own
 *                           idle timeout; {@code 0s} opens a connection per call
 * @param readRetries        extra attempts for safe reads (GET) after a transient failure
 * @param readRetryDelay     first delay between read retries (doubled each time, with jitter)
 * @param includeSandbox     accept test-channel payments ({@code sandbox: true}); never in production
 */
@ConfigurationProperties("iamport")
public record IamportConfiguration(
        @Bindable(defaultValue = "https://api.iamport.kr") @NotNull URI baseUrl,
        @NotBlank String secretId,
        @Bindable(defaultValue = "3s") @NotNull Duration connectTimeout,
        @Bindable(defaultValue = "10s") @NotNull Duration readTimeout,
        @Bindable(defaultValue = "60s") @NotNull Duration chargeReadTimeout,
        @Bindable(defaultValue = "60s") @NotNull Duration tokenRefreshMargin,
        @Bindable(defaultValue = "5m") @NotNull Duration secretCacheTtl,
        @Bindable(defaultValue = "20s") @NotNull Duration connectionReuseWindow,
        @Bindable(defaultValue = "2") int readRetries,
        @Bindable(defaultValue = "200ms") @NotNull Duration readRetryDelay,
        @Bindable(defaultValue = "false") boolean includeSandbox) {
}
