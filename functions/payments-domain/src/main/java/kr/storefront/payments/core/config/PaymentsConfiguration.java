package kr.storefront.payments.core.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * What this deployment accepts, shared by checkout (what it offers) and verify (what it confirms).
 *
 * @param enabledPgs i'mport PG codes offered, e.g. {@code tosspayments,kakaopay} (env PAYMENTS_ENABLED_PGS)
 */
@ConfigurationProperties("payments")
public record PaymentsConfiguration(@NotEmpty List<String> enabledPgs) {
}
