package kr.storefront.payments.core.confirm;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.iamport.CancelHistoryEntry;
import kr.storefront.payments.core.iamport.IamportBillingKey;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.store.OptimisticUpdate;
import kr.storefront.payments.core.store.OrderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one confirmation step behind the redirect, the PC callback, the webhook and our own
 * server-side charges.
 *
 * <p>V1 webhooks are unsigned and redirect parameters are hints, so the payment is always
 * re-fetched from i'mport and compared with our order. The order then moves by one conditional
 * write: when callers race (redirect, callback and webhook can land together on different Lambda
 * instances), one write wins, the others re-read and find the work done, and every caller gets
 * the final state. A FORGED order whose payment still holds money is refunded by whoever sees it,
 * always with i'mport's checksum, so a repeated or concurrent request can never refund twice.
 *
 * <p>A billing-key window that charges nothing is judged by its key, not by its payment: see
 * {@link IssuanceVerdict}.
 */
@Singleton
public class ConfirmService {

    private static final Logger LOG = LoggerFactory.getLogger(ConfirmService.class);

    private final IamportGateway gateway;
    private final OrderStore orders;
    private final BillingKeyConfirmation billingKeys;
    private final PaymentRefunds refunds;
    private final IamportConfiguration iamport;
    private final ConfirmMetrics metrics;
    private final Clock clock;

    ConfirmService(IamportGateway gateway, OrderStore orders, BillingKeyConfirmation billingKeys, PaymentRefunds refunds,
                   IamportConfiguration iamport, ConfirmMetrics metrics, Clock clock) {
        this.gateway = gateway;
        this.orders = orders;
        this.billingKeys = billingKeys;
        this.refunds = refunds;
        this.iamport = iamport;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Re-fetches the payment and applies it to our order.
     *
     * @throws kr.storefront.payments.core.iamport.IamportUnavailableException when i'mport cannot be asked (retry later)
     * @throws kr.storefront.payments.core.store.StoreUnavailableException     when our store cannot be read or written
     */
    public ConfirmOutcome confirm(ConfirmRequest request) {
        Optional<IamportPayment> found = request.impUid() != null
                ? gateway.findPayment(request.impUid())
                : gateway.findPaymentByMerchantUid(request.merchantUid(), null);
        if (found.isEmpty()) {
            LOG.info("confirm ({}) imp_uid={} merchant_uid={}: i'mport knows no such payment", request.source(),
                    request.impUid(), request.merchantUid());
            return new ConfirmOutcome.PaymentNotFound("i'mport knows no such payment");
        }
        IamportPayment payment = found.get();
        if (request.merchantUid() != null && !request.merchantUid().equals(payment.merchantUid())) {
            LOG.warn("confirm ({}) imp_uid={}: payment belongs to merchant_uid {}, not {}", request.source(),
                    payment.impUid(), payment.merchantUid(), request.merchantUid());
            return new ConfirmOutcome.Rejected("imp_uid and merchant_uid do not belong together");
        }
        return apply(payment, request.source());
    }

    /** Our order as stored, without asking i'mport (for callers that already know confirmation changed nothing). */
    public Optional<Order> currentOrder(String merchantUid) {
        return orders.find(merchantUid);
    }

    /** Applies a payment already fetched from i'mport (our own charges, reconciliation). */
    public ConfirmOutcome apply(IamportPayment payment, ConfirmSource source) {
        // every line of this confirmation carries the payment's ids as fields of their own
        try (var impUid = MDC.putCloseable("imp_uid", payment.impUid());
             var merchantUid = MDC.putCloseable("merchant_uid", payment.merchantUid())) {
            ConfirmOutcome outcome = applyToOrder(payment, source);
            if (outcome instanceof ConfirmOutcome.Confirmed confirmed && confirmed.changed()) {
                metrics.paymentConfirmed(confirmed.order().status());
            }
            return outcome;
        }
    }

    private ConfirmOutcome applyToOrder(IamportPayment payment, ConfirmSource source) {
        if (payment.sandbox() && !iamport.includeSandbox()) {
            LOG.warn("confirm ({}) imp_uid={}: test-channel payment refused", source, payment.impUid());
            return new ConfirmOutcome.Rejected("test payments are not accepted");
        }
        Optional<Order> stored = orders.find(payment.merchantUid());
        if (stored.isEmpty()) {
            LOG.warn("confirm ({}) imp_uid={}: merchant_uid {} is not one of our orders", source, payment.impUid(),
                    payment.merchantUid());
            return new ConfirmOutcome.OrderNotFound(payment.merchantUid());
        }
        Order order = stored.get();
        if (order.kind() == OrderKind.BILLING_KEY_ISSUE && order.amount() == 0) {
            return confirmKeyOnlyWindow(order, payment, source);
        }
        ConfirmOutcome.Confirmed outcome = transition(order, payment, source);
        if (outcome.order().kind() == OrderKind.BILLING_KEY_ISSUE) {
            billingKeys.settle(outcome.order());
        }
        return outcome;
    }

    private ConfirmOutcome.Confirmed transition(Order order, IamportPayment payment, ConfirmSource source) {
        OptimisticUpdate.Result<Order> result = OptimisticUpdate.apply(order, current -> {
            if (refundedSinceRecorded(current, payment)) {
                // refunded at i'mport beyond what we recorded (its console, or a refund of ours whose answer was lost)
                return Optional.of(current.withRefundsReported(payment.cancelledAmount(),
                        CancelHistoryEntry.asRefunds(payment.cancelHistory(), clock.instant()),
                        clock.instant()));
            }
            PaymentVerdict verdict = PaymentVerdict.of(current, payment);
            return verdict.changesNothing() ? Optional.empty() : Optional.of(current.transitionTo(verdict.target(),
                    payment.impUid(), payment.virtualAccount(), payment.card(), verdict.reason(), clock.instant()));
        }, orders::update, order.merchantUid());
        Order saved = result.value();
        if (result.written()) {
            LOG.info("confirm ({}) merchant_uid={} imp_uid={}: now {}", source, saved.merchantUid(), payment.impUid(),
                    saved.status());
        }
        // not only by the writer of FORGED: its refund may have failed, or the write's answer been lost (a
        // conditional write that committed, then a retry that found it done); the checksum lets one refund through
        if (saved.status() == OrderStatus.FORGED && PaymentVerdict.holdsRefundableMoney(payment)) {
            refunds.refundForgery(saved, payment, result.written());
        }
        return new ConfirmOutcome.Confirmed(saved, result.written());
    }

    /** A paid order of this very payment, of which i'mport reports more refunded than the order records. */
    private static boolean refundedSinceRecorded(Order order, IamportPayment payment) {
        return (order.status() == OrderStatus.PAID || order.status() == OrderStatus.PARTIALLY_REFUNDED)
                && payment.impUid().equals(order.impUid()) && payment.amount() == order.amount()
                && payment.cancelledAmount() > order.refundedAmount();
    }

    /**
     * A window that must charge nothing: the key at i'mport decides the order; money the window's
     * payment took anyway is refunded (every time it is seen with something left to refund: i'mport's
     * checksum lets only one such refund through), and the key is kept.
     */
    private ConfirmOutcome.Confirmed confirmKeyOnlyWindow(Order order, IamportPayment payment, ConfirmSource source) {
        // the verdict needs the key while the order is undecided; for a paid order only a key still pending
        // (a crash after the order's write) needs it, and settle asks i'mport then
        Optional<IamportBillingKey> key = order.status() == OrderStatus.PENDING || order.status() == OrderStatus.FAILED
                ? billingKeys.lookUp(order) : Optional.empty();
        OptimisticUpdate.Result<Order> result = OptimisticUpdate.apply(order, current -> {
            IssuanceVerdict verdict = IssuanceVerdict.of(current, payment, key);
            return verdict.changesNothing() ? Optional.empty() : Optional.of(current.transitionTo(verdict.target(),
                    payment.impUid(), null, null, verdict.reason(), clock.instant()));
        }, orders::update, order.merchantUid());
        Order saved = result.value();
        if (result.written()) {
            LOG.info("confirm ({}) merchant_uid={} imp_uid={}: billing-key window now {}", source, saved.merchantUid(),
                    payment.impUid(), saved.status());
            if (saved.status() == OrderStatus.FORGED) {
                LOG.error("ALERT forged billing-key window merchant_uid={} imp_uid={}: {}", saved.merchantUid(), payment.impUid(),
                        saved.failReason());
            }
        }
        billingKeys.settle(saved, key.isPresent() ? () -> key : () -> billingKeys.lookUp(saved));
        if (IssuanceVerdict.isUnexpectedCharge(payment)) {
            refunds.refundUnexpectedCharge(saved, payment);
        }
        return new ConfirmOutcome.Confirmed(saved, result.written());
    }
}
