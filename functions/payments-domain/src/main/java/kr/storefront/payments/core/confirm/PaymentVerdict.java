package kr.storefront.payments.core.confirm;

import io.micronaut.core.annotation.Nullable;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentStatus;

/**
 * What i'mport's report means for one of our orders that expects money: the status it should move
 * to (if any), and whether the payment must be refunded. Pure, so the rules can be read and tested in
 * one place. Billing-key windows that charge nothing are judged by {@link IssuanceVerdict} instead.
 *
 * @param target     status the order should reach, or null for "nothing to do"
 * @param refund     the payment moved money it must not keep (forged amount, currency or PG)
 * @param reason     why (failure reason, forgery description)
 */
record PaymentVerdict(@Nullable OrderStatus target, boolean refund, @Nullable String reason) {

    private static final PaymentVerdict NOTHING = new PaymentVerdict(null, false, null);

    static PaymentVerdict of(Order order, IamportPayment payment) {
        String forgery = forgery(order, payment);
        PaymentVerdict verdict = switch (payment.status()) {
            case PAID -> forgery != null ? new PaymentVerdict(OrderStatus.FORGED, true, forgery)
                    : new PaymentVerdict(OrderStatus.PAID, false, null);
            case READY -> payment.virtualAccount() == null ? NOTHING
                    : forgery != null ? new PaymentVerdict(OrderStatus.FORGED, false, forgery)
                    : new PaymentVerdict(OrderStatus.AWAITING_DEPOSIT, false, null);
            case FAILED -> new PaymentVerdict(OrderStatus.FAILED, false,
                    payment.failReason() == null ? "payment failed" : payment.failReason());
            case CANCELLED -> new PaymentVerdict(OrderStatus.CANCELLED, false, null);
            case UNRECOGNIZED -> NOTHING;
        };
        if (verdict.target() == null || verdict.target() == order.status() || !order.status().canBecome(verdict.target())) {
            return NOTHING;
        }
        return verdict;
    }

    boolean changesNothing() {
        return target == null;
    }

    /**
     * Why the payment cannot be the one this order expects, or null when it matches. The order fixes
     * its PG: a payment through another PG (the browser can rewrite {@code pg} or {@code channelKey})
     * is not this order's, even for the same amount.
     */
    private static @Nullable String forgery(Order order, IamportPayment payment) {
        if (payment.amount() != order.amount()) {
            return "forged: i'mport reports " + payment.amount() + " won for an order of " + order.amount() + " won";
        }
        if (!order.currency().equals(payment.currency())) {
            return "forged: i'mport reports currency " + payment.currency() + " for an order in " + order.currency();
        }
        if (!order.pg().code().equals(payment.pgProvider())) {
            return "forged: paid through PG " + payment.pgProvider() + ", but the order was opened for " + order.pg().code();
        }
        if (order.kind() == OrderKind.BILLING_KEY_ISSUE && payment.customerUid() != null
                && !payment.customerUid().equals(order.customerUid())) {
            return "forged: the window issued another customer_uid than the one this order was opened for";
        }
        return null;
    }

    /** Paid, with something left to refund: money an order that is not PAID must not keep. */
    static boolean holdsRefundableMoney(IamportPayment payment) {
        return payment.status() == PaymentStatus.PAID && payment.refundableAmount() > 0;
    }
}
