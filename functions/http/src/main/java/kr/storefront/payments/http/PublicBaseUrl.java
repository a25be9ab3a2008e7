package kr.storefront.payments.http;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.URI;
import kr.storefront.payments.core.checkout.CheckoutConfiguration;

/**
 * The public root of this API, for URLs handed to i'mport ({@code m_redirect_url}, {@code notice_url}):
 * {@code checkout.public-base-url} when set and not blank (custom domain, local runs), else the domain API
 * Gateway received the request on. Never the {@code Host} header, which clients control.
 */
@Singleton
public class PublicBaseUrl {

    private final CheckoutConfiguration configuration;

    PublicBaseUrl(CheckoutConfiguration configuration) {
        this.configuration = configuration;
    }

    public URI of(HttpRequest<?> request) {
        URI configured = configuration.publicBaseUrl();
        if (configured != null && !configured.toString().isBlank()) {
            return configured;
        }
        return ApiGatewayEvents.of(request).flatMap(ApiGatewayEvents::domainName)
                .map(domain -> URI.create("https://" + domain))
                .orElseThrow(() -> new IllegalStateException("set checkout.public-base-url: the request carries no API Gateway domain "));
    }
}
