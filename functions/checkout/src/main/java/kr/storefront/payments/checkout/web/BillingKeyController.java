package kr.storefront.payments.checkout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import kr.storefront.payments.checkout.api.BillingKeyView;
import kr.storefront.payments.checkout.api.BillingWindowBody;
import kr.storefront.payments.checkout.api.BuyerBody;
import kr.storefront.payments.checkout.api.CardKeyBody;
import kr.storefront.payments.checkout.api.CheckoutView;
import kr.storefront.payments.checkout.api.PageView;
import kr.storefront.payments.core.checkout.BillingKeys;
import kr.storefront.payments.core.checkout.BillingWindowRequest;
import kr.storefront.payments.http.Customer;
import kr.storefront.payments.http.PublicBaseUrl;

/** A signed-in customer's billing keys. Every route is scoped to the JWT's {@code sub}. */
@Controller("/checkout/billing-keys")
class BillingKeyController {

    private final BillingKeys billingKeys;
    private final PublicBaseUrl baseUrl;

    BillingKeyController(BillingKeys billingKeys, PublicBaseUrl baseUrl) {
        this.billingKeys = billingKeys;
        this.baseUrl = baseUrl;
    }

    /** Parameters of a billing-key window, with a new customer_uid stored as pending. */
    @Post
    CheckoutView openWindow(Customer customer, @Body @Valid BillingWindowBody body,
                            @Header(IdempotencyKeys.HEADER) @Nullable @Pattern(regexp = IdempotencyKeys.PATTERN,
                                    message = IdempotencyKeys.MESSAGE) String idempotencyKey,
                            HttpRequest<?> request) {
        return CheckoutView.of(billingKeys.openWindow(new BillingWindowRequest(customer.id(), idempotencyKey, body.pg(),
                body.payMethod(), body.planId(), Boolean.TRUE.equals(body.chargeFirstPeriod()), BuyerBody.toBuyer(body.buyer()),
                Devices.parse(body.device()), baseUrl.of(request))));
    }

    /** Toss API mode: a key from raw card data (off unless enabled; brings PCI DSS scope). */
    @Post("/card")
    HttpResponse<BillingKeyView> issueWithCard(Customer customer, @Body @Valid CardKeyBody body) {
        return HttpResponse.created(BillingKeyView.of(billingKeys.issueWithCard(customer.id(), body.pg(),
                body.card().toCardDetails())));
    }

    @Get
    PageView<BillingKeyView> list(Customer customer,
                                  @QueryValue @Nullable @Size(max = Paging.MAX_CURSOR_LENGTH) String cursor,
                                  @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) int limit) {
        return PageView.of(billingKeys.list(customer.id(), cursor, limit), BillingKeyView::of);
    }

    /** Deletes at i'mport; refused while an active subscription uses it unless {@code cancel_subscriptions=true}. */
    @Delete("/{customerUid}")
    BillingKeyView delete(Customer customer, @PathVariable @Size(max = 80) String customerUid,
                          @QueryValue("cancel_subscriptions") @Nullable Boolean cancelSubscriptions) {
        return BillingKeyView.of(billingKeys.delete(customer.id(), customerUid, Boolean.TRUE.equals(cancelSubscriptions)));
    }
}
