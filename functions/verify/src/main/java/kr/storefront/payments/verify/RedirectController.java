package kr.storefront.payments.verify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import kr.storefront.payments.core.confirm.ConfirmOutcome;
import kr.storefront.payments.core.confirm.ConfirmRequest;
import kr.storefront.payments.core.confirm.ConfirmService;
import kr.storefront.payments.core.confirm.ConfirmSource;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.iamport.IamportException;
import kr.storefront.payments.core.store.ConcurrentUpdateException;
import kr.storefront.payments.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /payments/redirect}: the {@code m_redirect_url} target. {@code imp_success},
 * {@code error_code} and {@code error_msg} are hints i'mport marks deprecated and are not trusted:
 * the payment is confirmed, then the browser goes to the configured success or failure page with
 * {@code merchant_uid} and a status word. The request never chooses the destination.
 */
@Controller("/payments/redirect")
class RedirectController {

    private static final Logger LOG = LoggerFactory.getLogger(RedirectController.class);

    private final ConfirmService confirmations;
    private final VerifyConfiguration configuration;

    RedirectController(ConfirmService confirmations, VerifyConfiguration configuration) {
        this.confirmations = confirmations;
        this.configuration = configuration;
    }

    /** A bodiless 302: whatever the browser accepts is fine (a strict {@code Accept: text/html} must not get 406). */
    @Get(produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.ALL})
    HttpResponse<?> redirect(@QueryValue("imp_uid") @Nullable String impUid,
                             @QueryValue("merchant_uid") @Nullable String merchantUid,
                             @QueryValue("imp_success") @Nullable String impSuccess,
                             @QueryValue("error_code") @Nullable String errorCode) {
        if (!PaymentIds.isMerchantUid(merchantUid) || (impUid != null && !PaymentIds.isImpUid(impUid))) {
            return to(configuration.failureUrl(), null, "invalid");
        }
        LOG.info("redirect merchant_uid={} imp_uid={} imp_success={} error_code={}", merchantUid, impUid, impSuccess, errorCode);
        ConfirmOutcome outcome;
        try {
            outcome = confirmations.confirm(new ConfirmRequest(impUid, merchantUid, ConfirmSource.REDIRECT));
        } catch (IamportException | StoreUnavailableException | ConcurrentUpdateException e) {
            // the payment may well be paid; the storefront page can ask again with POST /payments/confirm
            LOG.warn("redirect merchant_uid={}: could not confirm now: {}", merchantUid, e.getMessage());
            return to(configuration.failureUrl(), merchantUid, "unconfirmed");
        }
        if (outcome instanceof ConfirmOutcome.Confirmed confirmed) {
            return toResultPage(confirmed.order());
        }
        if (outcome instanceof ConfirmOutcome.PaymentNotFound) {
            // the window never produced a payment (closed, or refused before opening)
            return confirmations.currentOrder(merchantUid).map(this::toResultPage)
                    .orElseGet(() -> to(configuration.failureUrl(), null, "invalid"));
        }
        return to(configuration.failureUrl(), null, "invalid");
    }

    private HttpResponse<?> toResultPage(Order order) {
        boolean success = order.status() == OrderStatus.PAID || order.status() == OrderStatus.AWAITING_DEPOSIT;
        return to(success ? configuration.successUrl() : configuration.failureUrl(), order.merchantUid(),
                OrderStateView.statusCode(order.status()));
    }

    private static HttpResponse<?> to(URI page, @Nullable String merchantUid, String status) {
        StringBuilder location = new StringBuilder(page.toString());
        location.append(page.getRawQuery() == null ? '?' : '&');
        if (merchantUid != null) {
            location.append("merchant_uid=").append(URLEncoder.encode(merchantUid, StandardCharsets.UTF_8)).append('&');
        }
        location.append("status=").append(status);
        return HttpResponse.status(io.micronaut.http.HttpStatus.FOUND).header("Location", location.toString())
                .header("Cache-Control", "no-store");
    }
}
