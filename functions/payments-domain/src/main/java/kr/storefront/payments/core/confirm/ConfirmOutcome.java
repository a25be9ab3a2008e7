package kr.storefront.payments.core.confirm;

import kr.storefront.payments.core.domain.Order;

/** What a confirmation found. Only {@link Confirmed} touched our records. */
public sealed interface ConfirmOutcome {

    /**
     * The order as it stands after applying i'mport's report.
     *
     * @param changed true when this call made the transition; false when it was already applied
     *                (a duplicate or concurrent confirmation) or i'mport reports nothing new
     */
    record Confirmed(Order order, boolean changed) implements ConfirmOutcome { }

    /** i'mport knows no such payment (or hides it as a test-channel payment). */
    record PaymentNotFound(String reason) implements ConfirmOutcome { }

    /** i'mport's payment carries a merchant_uid that is not one of our orders. */
    record OrderNotFound(String merchantUid) implements ConfirmOutcome { }

    /** The ids do not belong together, or the payment is not one we accept (a test payment in production). */
    record Rejected(String reason) implements ConfirmOutcome { }
}
