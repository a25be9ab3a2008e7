package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;
import kr.storefront.payments.core.domain.Order;

/**
 * Where a card payment stands.
 *
 * @param order       the order, in its confirmed state (PAID, FAILED, FORGED, or still PENDING)
 * @param outcome     what happened to the charge
 * @param reason      the decline or failure reason, for the buyer
 * @param customerUid the saved billing key, when the card was saved
 */
public record CardPaymentResult(Order order, Outcome outcome, @Nullable String reason, @Nullable String customerUid) {

    /** What happened to the charge. */
    public enum Outcome {
        PAID,
        DECLINED,
        /** Nothing was charged because i'mport could not be reached; retry with a new idempotency key. */
        NOT_ATTEMPTED,
        /** The charge was sent but not answered; the order is confirmed later (webhook, reconciliation). */
        PENDING,
        /** i'mport reported a payment that does not match the order; it was refunded. */
        REFUNDED
    }
}
