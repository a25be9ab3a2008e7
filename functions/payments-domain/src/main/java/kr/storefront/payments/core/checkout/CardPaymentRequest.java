package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import kr.storefront.payments.core.domain.CardNumbers;
import kr.storefront.payments.core.iamport.CardDetails;

/**
 * Toss API mode: a one-time charge of raw card data, optionally saving the card as a billing key.
 *
 * @param customerId     the signed-in customer
 * @param idempotencyKey the client's {@code Idempotency-Key}, or null
 * @param items          catalog items (or empty with a plan)
 * @param planId         a plan paid once (or null with items)
 * @param pg             {@code tosspayments} (may be omitted when it is the only PG)
 * @param card           the card; passed to i'mport and forgotten
 * @param saveCard       also keep the card as a billing key
 */
public record CardPaymentRequest(String customerId, @Nullable String idempotencyKey, List<LineRequest> items,
                                 @Nullable String planId, @Nullable String pg, CardDetails card, boolean saveCard) {

    public CardPaymentRequest {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Same request = same order, same masked card (never the full number), same choice to save it. */
    String canonical() {
        return Canonical.of("card-payment", customerId, items, planId, pg, CardNumbers.masked(card.cardNumber()),
                card.expiry(), saveCard);
    }
}
