package kr.storefront.payments.observability.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * Where the metrics go ({@code METRICS_NAMESPACE}, {@code METRICS_SERVICE}: the template's parameters).
 *
 * @param namespace CloudWatch namespace of every metric
 * @param service   value of the {@code Service} dimension every metric carries (the alarms read it)
 */
@ConfigurationProperties("metrics")
public record MetricsConfiguration(
        @Bindable(defaultValue = "StorefrontPayments") @NotBlank String namespace,
        @Bindable(defaultValue = "storefront-payments") @NotBlank String service) {
}
