package kr.storefront.payments.checkout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import java.util.List;
import java.util.Locale;
import kr.storefront.payments.checkout.api.AdminSubscriptionView;
import kr.storefront.payments.checkout.api.PageView;
import kr.storefront.payments.checkout.api.RefundView;
import kr.storefront.payments.checkout.api.SubscriptionCancelBody;
import kr.storefront.payments.checkout.api.SubscriptionCancellationView;
import kr.storefront.payments.core.admin.SubscriptionAdministration;
import kr.storefront.payments.core.admin.SubscriptionRefund;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.refund.RefundOutcome;
import kr.storefront.payments.http.IamCaller;

/** The back office's view of a customer's subscriptions, and pause, resume and cancel-now, for IAM-signed administrators. */
@Controller("/checkout/admin/customers/{customerId}/subscriptions")
class AdminSubscriptionController {

    /** The JWT {@code sub} of a customer, as the customer routes accept it (no {@code #}, a key separator). */
    private static final String CUSTOMER_ID = "[^#/]{1,128}";
    private static final String SUBSCRIPTION_ID = "[A-Za-z0-9_-]{1,64}";

    private final SubscriptionAdministration administration;

    AdminSubscriptionController(SubscriptionAdministration administration) {
        this.administration = administration;
    }

    @Get
    PageView<AdminSubscriptionView> list(IamCaller caller,
                                         @PathVariable @Pattern(regexp = CUSTOMER_ID, message = "not a customer id") String customerId,
                                         @QueryValue @Nullable @Size(max = Paging.MAX_CURSOR_LENGTH) String cursor,
                                         @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) int limit) {
        SubscriptionAdministration.CustomerSubscriptions found = administration.list(customerId, cursor, limit);
        return PageView.of(found.page(), s -> AdminSubscriptionView.of(s, found.audit().getOrDefault(s.id(), List.of())));
    }

    @Post("/{subscriptionId}/pause")
    AdminSubscriptionView pause(IamCaller caller, HttpRequest<?> request,
                                @PathVariable @Pattern(regexp = CUSTOMER_ID, message = "not a customer id") String customerId,
                                @PathVariable @Pattern(regexp = SUBSCRIPTION_ID, message = "not a subscription id") String subscriptionId) {
        return view(administration.pause(AdminActors.of(caller, request), customerId, subscriptionId));
    }

    @Post("/{subscriptionId}/resume")
    AdminSubscriptionView resume(IamCaller caller, HttpRequest<?> request,
                                 @PathVariable @Pattern(regexp = CUSTOMER_ID, message = "not a customer id") String customerId,
                                 @PathVariable @Pattern(regexp = SUBSCRIPTION_ID, message = "not a subscription id") String subscriptionId) {
        return view(administration.resume(AdminActors.of(caller, request), customerId, subscriptionId));
    }

    /** Ends it now, refunding none, all or the unused share of the current period's charge. */
    @Post("/{subscriptionId}/cancel")
    SubscriptionCancellationView cancel(IamCaller caller, HttpRequest<?> request,
                                        @PathVariable @Pattern(regexp = CUSTOMER_ID, message = "not a customer id") String customerId,
                                        @PathVariable @Pattern(regexp = SUBSCRIPTION_ID, message = "not a subscription id")
                                        String subscriptionId, @Body @Valid SubscriptionCancelBody body,
                                        @Header(IdempotencyKeys.HEADER) @Nullable @Pattern(regexp = IdempotencyKeys.PATTERN,
                                                message = IdempotencyKeys.MESSAGE) String idempotencyKey) {
        SubscriptionRefund refund = body.refund() == null ? SubscriptionRefund.NONE
                : SubscriptionRefund.valueOf(body.refund().toUpperCase(Locale.ROOT));
        SubscriptionAdministration.Cancellation done = administration.cancelNow(AdminActors.of(caller, request), customerId,
                subscriptionId, refund, body.reason(), idempotencyKey);
        RefundView refundView = done.refund().map(outcome -> {
            if (outcome instanceof RefundOutcome.Refunded refunded) {
                return RefundView.refunded(refunded.order(), refunded.refund());
            }
            if (outcome instanceof RefundOutcome.Pending pending) {
                return RefundView.pending(pending.order(), pending.refundId());
            }
            return null;
        }).orElse(null);
        Integer rejected = done.refund().filter(RefundOutcome.Rejected.class::isInstance)
                .map(outcome -> ((RefundOutcome.Rejected) outcome).iamportCode()).orElse(null);
        return new SubscriptionCancellationView(view(done.subscription()), done.refundedOrder(), refundView, rejected);
    }

    private AdminSubscriptionView view(Subscription subscription) {
        // the entry of the action just taken is in the trail now; the list route shows the whole of it
        return AdminSubscriptionView.of(subscription, administration.auditOf(subscription));
    }
}
