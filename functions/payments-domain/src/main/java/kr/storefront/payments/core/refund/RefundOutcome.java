package kr.storefront.payments.core.refund;

import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.Refund;

/** What became of a refund request. A refund moves money, so its outcome is a value, not an exception. */
public sealed interface RefundOutcome {

    /**
     * i'mport applied it; the order records it and is PARTIALLY_REFUNDED or REFUNDED.
     *
     * @param replayed true when an earlier request with the same idempotency key made it
     */
    record Refunded(Order order, Refund refund, boolean replayed) implements RefundOutcome { }

    /** i'mport refused it (its {@code code}); nothing changed. Its message is not passed on: it can quote amounts. */
    record Rejected(int iamportCode) implements RefundOutcome { }

    /**
     * Sent, but its outcome is unknown (timeout, 5xx): recorded as pending on the order, settled by the next
     * refund request or confirmation of the order against i'mport's cancel_history; never sent twice.
     */
    record Pending(Order order, String refundId) implements RefundOutcome { }
}
