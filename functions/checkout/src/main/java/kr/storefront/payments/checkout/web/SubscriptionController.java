package kr.storefront.payments.checkout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.storefront.payments.checkout.api.PageView;
import kr.storefront.payments.checkout.api.SubscribeBody;
import kr.storefront.payments.checkout.api.SubscriptionView;
import kr.storefront.payments.core.checkout.Subscriptions;
import kr.storefront.payments.http.Customer;

/** A signed-in customer's subscriptions. */
@Controller("/checkout/subscriptions")
class SubscriptionController {

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Post
    HttpResponse<SubscriptionView> subscribe(Customer customer, @Body @Valid SubscribeBody body,
                                             @Header(IdempotencyKeys.HEADER) @Nullable @Pattern(regexp = IdempotencyKeys.PATTERN,
                                                     message = IdempotencyKeys.MESSAGE) String idempotencyKey) {
        return HttpResponse.created(SubscriptionView.of(subscriptions.subscribe(customer.id(), body.planId(), body.customerUid(),
                FirstChargeDates.parse(body.firstChargeAt()), idempotencyKey)));
    }

    @Get
    PageView<SubscriptionView> list(Customer customer,
                                    @QueryValue @Nullable @Size(max = Paging.MAX_CURSOR_LENGTH) String cursor,
                                    @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) int limit) {
        return PageView.of(subscriptions.list(customer.id(), cursor, limit), SubscriptionView::of);
    }

    /** Cancels at the end of the paid period. */
    @Delete("/{subscriptionId}")
    SubscriptionView cancel(Customer customer, @PathVariable @Size(max = 64) String subscriptionId) {
        return SubscriptionView.of(subscriptions.cancel(customer.id(), subscriptionId));
    }
}
