package kr.storefront.payments.checkout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import kr.storefront.payments.checkout.api.CardPaymentBody;
import kr.storefront.payments.checkout.api.CardPaymentView;
import kr.storefront.payments.core.checkout.CardPaymentRequest;
import kr.storefront.payments.core.checkout.CardPaymentResult;
import kr.storefront.payments.core.checkout.CardPayments;
import kr.storefront.payments.core.checkout.LineRequest;
import kr.storefront.payments.http.Customer;

/**
 * {@code POST /checkout/payments/card} (Toss API mode): charges once, the status telling what happened:
 * 200 paid, 402 declined, 202 sent but unconfirmed (settled by webhook or reconciliation),
 * 503 not attempted (nothing charged), 409 refunded (i'mport reported another amount).
 */
@Controller("/checkout/payments/card")
class CardPaymentController {

    private final CardPayments payments;

    CardPaymentController(CardPayments payments) {
        this.payments = payments;
    }

    @Post
    HttpResponse<CardPaymentView> pay(Customer customer, @Body @Valid CardPaymentBody body,
                                      @Header(IdempotencyKeys.HEADER) @Nullable @Pattern(regexp = IdempotencyKeys.PATTERN,
                                              message = IdempotencyKeys.MESSAGE) String idempotencyKey) {
        List<LineRequest> items = body.items() == null ? List.of()
                : body.items().stream().map(item -> new LineRequest(item.sku(), item.quantity())).toList();
        CardPaymentResult result = payments.pay(new CardPaymentRequest(customer.id(), idempotencyKey, items, body.planId(),
                body.pg(), body.card().toCardDetails(), Boolean.TRUE.equals(body.saveCard())));
        HttpStatus status = switch (result.outcome()) {
            case PAID -> HttpStatus.OK;
            case DECLINED -> HttpStatus.PAYMENT_REQUIRED;
            case PENDING -> HttpStatus.ACCEPTED;
            case NOT_ATTEMPTED -> HttpStatus.SERVICE_UNAVAILABLE;
            case REFUNDED -> HttpStatus.CONFLICT;
        };
        return HttpResponse.<CardPaymentView>status(status).body(CardPaymentView.of(result));
    }
}
