package kr.storefront.payments.core.confirm;

import jakarta.inject.Singleton;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.iamport.CancelOutcome;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentCancel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full refunds of money the confirm step must not keep. Each carries {@code checksum} = what i'mport
 * says is refundable, so a repeated or concurrent request can never refund twice: i'mport refuses a
 * stale checksum.
 */
@Singleton
class PaymentRefunds {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentRefunds.class);

    private final IamportGateway gateway;

    PaymentRefunds(IamportGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Money held for a FORGED order (a payment that is not the one its order expects: amount, currency,
     * PG), refunded by whoever sees it while some is left: first the writer of FORGED ({@code justForged}),
     * then any later confirmation, should that refund have failed or never been asked for.
     */
    void refundForgery(Order order, IamportPayment payment, boolean justForged) {
        if (justForged) {
            LOG.error("ALERT forged payment merchant_uid={} imp_uid={}: {}", order.merchantUid(), payment.impUid(),
                    order.failReason());
        } else {
            LOG.error("ALERT forged order merchant_uid={} imp_uid={} still holds {} won: refund requested again",
                    order.merchantUid(), payment.impUid(), payment.refundableAmount());
        }
        CancelOutcome refund = gateway.cancel(new PaymentCancel(payment.impUid(), null, payment.refundableAmount(),
                "결제 금액 불일치 (amount mismatch)"));
        if (refund instanceof CancelOutcome.Rejected rejected && !justForged) {
            LOG.warn("forged payment imp_uid={}: refund refused ({}), most likely already refunded by a concurrent "
                    + "confirmation; the next confirmation re-reads it", payment.impUid(), rejected);
        } else if (!(refund instanceof CancelOutcome.Cancelled)) {
            LOG.error("ALERT refund of forged payment imp_uid={} not confirmed ({}); the next confirmation of this order "
                    + "tries again", payment.impUid(), refund);
        }
    }

    /**
     * A billing-key window that must charge nothing took money. The key is kept; the money goes back.
     * Requested by whoever sees it first; a concurrent second request is refused by i'mport's checksum
     * and only logged.
     */
    void refundUnexpectedCharge(Order order, IamportPayment payment) {
        CancelOutcome refund = gateway.cancel(new PaymentCancel(payment.impUid(), null, payment.refundableAmount(),
                "빌링키 발급 결제창의 예상치 못한 결제 (unexpected charge in a billing-key window)"));
        if (refund instanceof CancelOutcome.Cancelled) {
            LOG.error("ALERT unexpected charge merchant_uid={} imp_uid={}: {} won taken by a {} billing-key window that must "
                    + "charge nothing; refunded, billing key kept", order.merchantUid(), payment.impUid(), payment.refundableAmount(),
                    order.pg().code());
        } else if (refund instanceof CancelOutcome.Rejected rejected) {
            LOG.warn("unexpected charge imp_uid={}: refund refused ({}), most likely already refunded by a concurrent "
                    + "confirmation; the next confirmation re-reads it", payment.impUid(), rejected);
        } else {
            LOG.error("ALERT unexpected charge merchant_uid={} imp_uid={}: {} won taken by a {} billing-key window; refund not "
                    + "confirmed ({}), the next confirmation of this order tries again", order.merchantUid(), payment.impUid(),
                    payment.refundableAmount(), order.pg().code(), refund);
        }
    }
}
