package kr.storefront.payments.verify;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;
import kr.storefront.payments.core.confirm.ConfirmOutcome;
import kr.storefront.payments.core.confirm.ConfirmRequest;
import kr.storefront.payments.core.confirm.ConfirmService;
import kr.storefront.payments.core.confirm.ConfirmSource;
import kr.storefront.payments.http.ApiResponses;

/** {@code POST /payments/confirm}: the PC callback posts the ids; the answer is the order's confirmed state. */
@Controller("/payments/confirm")
class ConfirmController {

    private final ConfirmService confirmations;

    ConfirmController(ConfirmService confirmations) {
        this.confirmations = confirmations;
    }

    @Post
    HttpResponse<?> confirm(@Body @Valid ConfirmBody body, HttpRequest<?> request) {
        ConfirmOutcome outcome = confirmations.confirm(new ConfirmRequest(body.impUid(), body.merchantUid(), ConfirmSource.CALLBACK));
        if (outcome instanceof ConfirmOutcome.Confirmed confirmed) {
            return HttpResponse.ok(OrderStateView.of(confirmed.order()));
        }
        if (outcome instanceof ConfirmOutcome.PaymentNotFound) {
            return confirmations.currentOrder(body.merchantUid())
                    .<HttpResponse<?>>map(order -> HttpResponse.ok(OrderStateView.of(order)))
                    .orElseGet(() -> ApiResponses.error(request, HttpStatus.NOT_FOUND, "not_found", "no such order"));
        }
        if (outcome instanceof ConfirmOutcome.Rejected rejected) {
            return ApiResponses.error(request, HttpStatus.CONFLICT, "payment_mismatch", rejected.reason());
        }
        return ApiResponses.error(request, HttpStatus.NOT_FOUND, "not_found", "no such order");
    }
}
