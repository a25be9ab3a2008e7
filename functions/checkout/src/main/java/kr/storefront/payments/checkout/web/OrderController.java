package kr.storefront.payments.checkout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import kr.storefront.payments.checkout.api.BuyerBody;
import kr.storefront.payments.checkout.api.CheckoutView;
import kr.storefront.payments.checkout.api.CreateOrderBody;
import kr.storefront.payments.core.checkout.LineRequest;
import kr.storefront.payments.core.checkout.OrderCheckout;
import kr.storefront.payments.core.checkout.OrderRequest;
import kr.storefront.payments.http.PublicBaseUrl;

/** {@code POST /checkout/orders}: guest checkout; the answer is what to pass to {@code IMP.request_pay}. */
@Controller("/checkout/orders")
class OrderController {

    private final OrderCheckout checkout;
    private final PublicBaseUrl baseUrl;

    OrderController(OrderCheckout checkout, PublicBaseUrl baseUrl) {
        this.checkout = checkout;
        this.baseUrl = baseUrl;
    }

    @Post
    CheckoutView create(@Body @Valid CreateOrderBody body,
                        @Header(IdempotencyKeys.HEADER) @Nullable @Pattern(regexp = IdempotencyKeys.PATTERN,
                                message = IdempotencyKeys.MESSAGE) String idempotencyKey,
                        HttpRequest<?> request) {
        List<LineRequest> items = body.items() == null ? List.of()
                : body.items().stream().map(item -> new LineRequest(item.sku(), item.quantity())).toList();
        OrderRequest order = new OrderRequest(null, idempotencyKey, items, body.planId(), body.pg(), body.payMethod(),
                BuyerBody.toBuyer(body.buyer()), Devices.parse(body.device()),
                CardOptionsParser.parse(body.display(), body.card()), Boolean.TRUE.equals(body.escrow()), baseUrl.of(request));
        return CheckoutView.of(checkout.start(order));
    }
}
