package kr.storefront.payments.core.rebill;

import jakarta.inject.Singleton;
import kr.storefront.payments.core.confirm.ConfirmOutcome;
import kr.storefront.payments.core.confirm.ConfirmRequest;
import kr.storefront.payments.core.confirm.ConfirmService;
import kr.storefront.payments.core.confirm.ConfirmSource;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.rebill.RunTally.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciliation sweep: an order still open well after its window closed may have lost its webhook
 * (and its redirect), so it is confirmed the way verify confirms it, by merchant_uid
 * ({@code GET /payments/find/{merchant_uid}}, then the same amount / currency / PG checks and one
 * conditional write). Paid becomes PAID, a forged payment FORGED and refunded, a failed one FAILED; no
 * payment at all leaves the order as it is.
 *
 * <p>Subscription-charge orders follow their charge attempt, which owns the truth (and the
 * subscription's period): an attempt still to reconcile is {@link Reconciler}'s; a resolved one whose order a
 * stopped run left open moves the order (see {@link OutcomeRecorder#orderFollowsItsAttempt}).
 */
@Singleton
final class OrderSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSweeper.class);

    private final ConfirmService confirm;
    private final OutcomeRecorder charges;

    OrderSweeper(ConfirmService confirm, OutcomeRecorder charges) {
        this.confirm = confirm;
        this.charges = charges;
    }

    /** @param open the order as the (eventually consistent) open-orders index returned it */
    Outcome sweep(Order open) {
        if (open.kind() == OrderKind.SUBSCRIPTION_CHARGE) {
            return charges.orderFollowsItsAttempt(open);
        }
        ConfirmOutcome outcome = confirm.confirm(new ConfirmRequest(null, open.merchantUid(), ConfirmSource.RECONCILIATION));
        if (!(outcome instanceof ConfirmOutcome.Confirmed confirmed) || !confirmed.changed()) {
            return Outcome.ORDER_UNCHANGED;
        }
        Order now = confirmed.order();
        LOG.info("rebill sweep merchant_uid={} created_at={}: {} -> {}", now.merchantUid(), open.createdAt(), open.status(),
                now.status());
        return switch (now.status()) {
            case PAID, AWAITING_DEPOSIT -> Outcome.ORDER_CONFIRMED;
            case FORGED -> Outcome.ORDER_FORGED;
            default -> Outcome.ORDER_CLOSED;
        };
    }
}
