package kr.storefront.payments.verify;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

/**
 * Where the browser goes after the mobile redirect. Only these pages are ever used: the request's
 * own parameters never choose a destination (no open redirect).
 *
 * @param successUrl storefront page for paid orders and issued virtual accounts
 * @param failureUrl storefront page for everything else (failed, pending, unconfirmed)
 */
@ConfigurationProperties("verify")
public record VerifyConfiguration(@NotNull URI successUrl, @NotNull URI failureUrl) {
}
