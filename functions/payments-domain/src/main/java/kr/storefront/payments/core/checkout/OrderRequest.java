package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.List;

/**
 * A storefront's request for a one-time payment window. It carries no amount: amounts come from the catalog.
 *
 * @param customerId     the signed-in customer, or null for guest checkout
 * @param idempotencyKey the client's {@code Idempotency-Key}, or null
 * @param items          catalog items (or empty with a plan)
 * @param planId         a plan paid once (or null with items)
 * @param pg             PG code, may be omitted when only one is enabled
 * @param payMethod      i'mport pay_method, defaulted per PG
 * @param buyer          buyer fields for the window
 * @param device         PC or mobile
 * @param cardOptions    card window options (tosspayments, uplus)
 * @param escrow         escrow payment (tosspayments, uplus)
 * @param apiBaseUrl     public root of this API, for {@code m_redirect_url} and {@code notice_url}
 */
public record OrderRequest(@Nullable String customerId, @Nullable String idempotencyKey, List<LineRequest> items,
                           @Nullable String planId, @Nullable String pg, @Nullable String payMethod, Buyer buyer, Device device,
                           @Nullable CardOptions cardOptions, boolean escrow, URI apiBaseUrl) {

    public OrderRequest {
        items = items == null ? List.of() : List.copyOf(items);
        buyer = buyer == null ? Buyer.none() : buyer;
    }

    /** Everything that makes two requests "the same request" for an idempotency key. */
    String canonical() {
        return Canonical.of("order", customerId, items, planId, pg, payMethod, buyer.name(), buyer.tel(), buyer.email(),
                buyer.addr(), buyer.postcode(), device, cardOptions, escrow);
    }
}
