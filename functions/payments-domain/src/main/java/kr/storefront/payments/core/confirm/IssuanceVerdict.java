package kr.storefront.payments.core.confirm;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.iamport.IamportBillingKey;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentStatus;

/**
 * What i'mport's answers mean for a billing-key window that must charge nothing (payco, chai,
 * tosspayments, and kakaopay with amount 0). The guides promise no shape for the window's payment
 * (amount 0, or the amount shown; any status), so issuance rests on what i'mport is certain to
 * answer: the key at {@code GET /subscribe/customers/{customer_uid}}, under our customer_uid and
 * the order's PG. The payment only matters when it really took money: {@code paid} with an amount
 * left to refund is an unexpected charge, refunded, and the key is kept. Pure, like {@link PaymentVerdict}.
 *
 * @param target           status the order should reach, or null for "nothing to do"
 * @param reason           why (failure or mismatch)
 * @param unexpectedCharge the window's payment took money a key-only window must not take: refund it
 */
record IssuanceVerdict(@Nullable OrderStatus target, @Nullable String reason, boolean unexpectedCharge) {

    /** The window's payment took money (paid, with something left to refund): a key-only window must not. */
    static boolean isUnexpectedCharge(IamportPayment payment) {
        return PaymentVerdict.holdsRefundableMoney(payment);
    }

    static IssuanceVerdict of(Order order, IamportPayment payment, Optional<IamportBillingKey> key) {
        boolean unexpectedCharge = isUnexpectedCharge(payment);
        OrderStatus target = null;
        String reason = null;
        if (payment.customerUid() != null && !payment.customerUid().equals(order.customerUid())) {
            target = OrderStatus.FORGED;
            reason = "forged: the window issued another customer_uid than the one this order was opened for";
        } else if (key.isPresent() && !order.pg().code().equals(key.get().pgProvider())) {
            target = OrderStatus.FORGED;
            reason = "forged: the billing key is held by PG " + key.get().pgProvider() + ", but the window was opened for "
                    + order.pg().code();
        } else if (key.isPresent()) {
            target = OrderStatus.PAID; // the key is issued: the window's job is done, whatever its payment says
        } else if (payment.status() == PaymentStatus.FAILED || payment.status() == PaymentStatus.CANCELLED) {
            target = OrderStatus.FAILED;
            reason = payment.failReason() == null ? "billing key not issued" : payment.failReason();
        }
        if (target == null || target == order.status() || !order.status().canBecome(target)) {
            target = null;
            reason = null;
        }
        return new IssuanceVerdict(target, reason, unexpectedCharge);
    }

    boolean changesNothing() {
        return target == null;
    }
}
