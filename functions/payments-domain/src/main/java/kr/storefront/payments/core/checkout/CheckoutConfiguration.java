package kr.storefront.payments.core.checkout;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;

/**
 * Checkout settings.
 *
 * @param prepareAmounts    register every order's amount with {@code POST /payments/prepare} so the
 *                          window refuses a tampered amount (on by default)
 * @param publicBaseUrl     public root of this API (custom domain); when absent, the domain the request
 *                          came in on is used
 * @param redirectPath      verify's {@code m_redirect_url} route
 * @param sendNoticeUrl     put {@code notice_url} (verify's webhook route) in the window parameters, overriding
 *                          the URL set in i'mport's console
 * @param webhookPath       verify's webhook route
 * @param tossApiMode       accept raw card data for tosspayments API-mode billing (brings PCI DSS SAQ D scope)
 * @param billingWindowName order name of a billing-key window when no plan is named
 */
@ConfigurationProperties("checkout")
public record CheckoutConfiguration(
        @Bindable(defaultValue = "true") boolean prepareAmounts,
        @Nullable URI publicBaseUrl,
        @Bindable(defaultValue = "/payments/redirect") @NotBlank String redirectPath,
        @Bindable(defaultValue = "false") boolean sendNoticeUrl,
        @Bindable(defaultValue = "/webhooks/iamport") @NotBlank String webhookPath,
        @Bindable(defaultValue = "false") boolean tossApiMode,
        @Bindable(defaultValue = "결제수단 등록") @NotBlank String billingWindowName) {
}
