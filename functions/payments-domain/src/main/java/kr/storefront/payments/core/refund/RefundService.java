package kr.storefront.payments.core.refund;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.domain.FieldProblem;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.PendingRefund;
import kr.storefront.payments.core.domain.Refund;
import kr.storefront.payments.core.domain.ResourceNotFoundException;
import kr.storefront.payments.core.iamport.CancelHistoryEntry;
import kr.storefront.payments.core.iamport.CancelOutcome;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.idempotency.IdGenerator;
import kr.storefront.payments.core.idempotency.Idempotency;
import kr.storefront.payments.core.store.ConcurrentUpdateException;
import kr.storefront.payments.core.store.OptimisticUpdate;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds of paid orders ({@code POST /payments/cancel}), full or partial, at most once each.
 *
 * <p>Once: a client's idempotency key maps a retry to the first request's refund id. One at a time per order: before
 * asking i'mport, the refund is written to the order as pending by a conditional write on its version, so of two
 * concurrent refunds only one is sent; the other is refused (409) or, after the first finished, judged against what is
 * left. i'mport's {@code checksum} (the refundable balance we hold) backs this up: a refund computed from a stale
 * balance is refused there. A refund whose answer was lost stays pending until the payment has been re-read and the
 * refund found in its {@code cancel_history} (applied) or not (then it may be asked for again, still under the
 * checksum): never a second cancel for one request.
 */
@Singleton
public class RefundService {

    private static final Logger LOG = LoggerFactory.getLogger(RefundService.class);

    /** A pending refund not found applied is given up only after this long: its request may still be in flight. */
    static final Duration IN_FLIGHT = Duration.ofSeconds(60);

    private final OrderStore orders;
    private final IamportGateway gateway;
    private final Idempotency idempotency;
    private final IdGenerator ids;
    private final RefundMetrics metrics;
    private final Clock clock;

    RefundService(OrderStore orders, IamportGateway gateway, Idempotency idempotency, IdGenerator ids, RefundMetrics metrics,
                  Clock clock) {
        this.orders = orders;
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.ids = ids;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Refunds {@code request} of order {@code merchantUid}.
     *
     * @param idempotencyKey the client's key, or null
     * @throws ResourceNotFoundException when there is no such order
     * @throws InvalidRequestException   when the request breaks a rule (reason, vbank account, amount)
     * @throws RefundRefusedException    when the order cannot be refunded that way now
     * @throws IamportUnavailableException when i'mport could not be asked (nothing was sent)
     */
    public RefundOutcome refund(String merchantUid, RefundRequest request, @Nullable String idempotencyKey) {
        Idempotency.Reservation reservation = idempotency.reserve("refunds:" + merchantUid, idempotencyKey, request.canonical(),
                () -> ids.newId("rfd_", 20));
        String refundId = reservation.id();
        Order order = orders.find(merchantUid).orElseThrow(() -> new ResourceNotFoundException("order"));
        if (order.pendingRefund() != null) {
            order = settle(order);
        }
        Optional<Refund> done = order.refund(refundId);
        if (done.isPresent()) {
            return new RefundOutcome.Refunded(order, done.get(), true);
        }
        if (order.pendingRefund() != null) {
            if (order.pendingRefund().refundId().equals(refundId)) {
                return new RefundOutcome.Pending(order, refundId);
            }
            throw new RefundRefusedException(RefundRefusedException.Reason.REFUND_PENDING,
                    "another refund of this order is not settled yet; retry shortly");
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            long amount = validate(order, request);
            PendingRefund pending = new PendingRefund(refundId, amount, order.refundable(), clock.instant());
            WriteResult<Order> written = orders.update(order.withPendingRefund(pending, clock.instant()));
            if (written instanceof WriteResult.Applied<Order> applied) {
                return send(applied.stored(), pending, request);
            }
            // changed since it was read (a concurrent refund, a confirmation): judged again against what is stored now
            order = written.current().orElseThrow(() -> new ResourceNotFoundException("order"));
            if (order.pendingRefund() != null) {
                throw new RefundRefusedException(RefundRefusedException.Reason.REFUND_PENDING,
                        "another refund of this order is not settled yet; retry shortly");
            }
        }
        throw new ConcurrentUpdateException(merchantUid);
    }

    private long validate(Order order, RefundRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.reason() == null || request.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "required"));
        }
        if ("vbank".equals(order.payMethod())) {
            require(problems, "refund_holder", request.refundHolder());
            require(problems, "refund_bank", request.refundBank());
            require(problems, "refund_account", request.refundAccount());
        }
        if (request.amount() != null && request.amount() < 1) {
            problems.add(new FieldProblem("amount", "must be at least 1"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (!order.isRefundable()) {
            throw new RefundRefusedException(RefundRefusedException.Reason.NOT_REFUNDABLE,
                    "this order is not paid or has nothing left to refund");
        }
        long amount = request.amount() == null ? order.refundable() : request.amount();
        if (amount > order.refundable()) {
            throw new RefundRefusedException(RefundRefusedException.Reason.EXCEEDS_REFUNDABLE,
                    "amount: more than what is still refundable of this order");
        }
        return amount;
    }

    private static void require(List<FieldProblem> problems, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required to refund a virtual-account payment"));
        }
    }

    private RefundOutcome send(Order held, PendingRefund pending, RefundRequest request) {
        CancelOutcome outcome = gateway.cancel(new PaymentCancel(held.impUid(), pending.amount(), pending.checksum(),
                request.reason().strip(), null, blankToNull(request.refundHolder()), blankToNull(request.refundBank()),
                blankToNull(request.refundAccount()), blankToNull(request.refundTel())));
        if (outcome instanceof CancelOutcome.Cancelled cancelled) {
            Order saved = record(held, cancelled.payment(), pending);
            Refund refund = saved.refund(pending.refundId()).orElseGet(() -> fallback(saved, pending));
            LOG.info("refund {} merchant_uid={} imp_uid={}: {} won refunded, order now {}", pending.refundId(),
                    saved.merchantUid(), saved.impUid(), refund.amount(), saved.status());
            metrics.refund("refunded", refund.amount());
            return new RefundOutcome.Refunded(saved, refund, false);
        }
        if (outcome instanceof CancelOutcome.Rejected rejected) {
            release(held, pending);
            catchUp(held.merchantUid());
            LOG.warn("refund {} merchant_uid={} imp_uid={}: i'mport refused (code {}): {}", pending.refundId(), held.merchantUid(),
                    held.impUid(), rejected.code(), rejected.reason());
            metrics.refund("rejected", 0);
            return new RefundOutcome.Rejected(rejected.code());
        }
        if (outcome instanceof CancelOutcome.NotAttempted notAttempted) {
            release(held, pending);
            LOG.warn("refund {} merchant_uid={}: not sent to i'mport ({})", pending.refundId(), held.merchantUid(),
                    notAttempted.reason());
            throw new IamportUnavailableException("refund not sent: " + notAttempted.reason(), false, null);
        }
        LOG.error("ALERT refund {} merchant_uid={} imp_uid={}: outcome unknown ({}); held as pending until the payment is re-read",
                pending.refundId(), held.merchantUid(), held.impUid(), ((CancelOutcome.Unknown) outcome).reason());
        metrics.refund("pending", 0);
        return new RefundOutcome.Pending(held, pending.refundId());
    }

    /** i'mport answered the cancel with the payment: record what it reports, the pending refund settled by it. */
    private Order record(Order held, IamportPayment payment, PendingRefund pending) {
        Instant now = clock.instant();
        return OptimisticUpdate.apply(held, current -> {
            if (current.refund(pending.refundId()).isPresent()) {
                return Optional.empty();
            }
            Order next = current.withRefundsReported(payment.cancelledAmount(),
                    CancelHistoryEntry.asRefunds(payment.cancelHistory(), now), now);
            if (next.pendingRefund() != null && next.pendingRefund().refundId().equals(pending.refundId())) {
                // i'mport applied it but listed no new cancel_history entry: record it from what was asked
                next = withEntry(next, pending, now);
            }
            return Optional.of(next);
        }, orders::update, held.merchantUid()).value();
    }

    private static Order withEntry(Order order, PendingRefund pending, Instant now) {
        List<Refund> refunds = new ArrayList<>(order.refunds());
        refunds.add(new Refund(pending.refundId(), null, pending.amount(), now, null, null));
        return new Order(order.merchantUid(), order.kind(), order.customerId(), order.name(), order.amount(), order.currency(),
                order.pg(), order.payMethod(), order.lines(), order.status(), order.impUid(), order.customerUid(),
                order.subscriptionId(), order.planId(), order.virtualAccount(), order.card(), order.failReason(),
                order.refundedAmount(), refunds, null, order.createdAt(), now, order.version());
    }

    private static Refund fallback(Order saved, PendingRefund pending) {
        return new Refund(pending.refundId(), null, pending.amount(), saved.updatedAt(), null, null);
    }

    /** Drops the pending refund after i'mport refused it or it was never sent: nothing changed. */
    private void release(Order held, PendingRefund pending) {
        OptimisticUpdate.apply(held, current -> current.pendingRefund() != null
                        && current.pendingRefund().refundId().equals(pending.refundId())
                        ? Optional.of(current.withPendingRefund(null, clock.instant())) : Optional.empty(),
                orders::update, held.merchantUid());
    }

    /**
     * After i'mport refused a refund (most often a checksum that no longer matches: refunded in its console meanwhile),
     * records what it reports refunded, so the next request is judged against the real balance. Best effort: a failure
     * here leaves the order as it was, for the confirm step or the next request.
     */
    private void catchUp(String merchantUid) {
        try {
            Order order = orders.find(merchantUid).orElse(null);
            if (order == null || order.impUid() == null || order.pendingRefund() != null) {
                return;
            }
            IamportPayment payment = gateway.findPayment(order.impUid()).orElse(null);
            if (payment == null || payment.cancelledAmount() <= order.refundedAmount()) {
                return;
            }
            Instant now = clock.instant();
            OptimisticUpdate.apply(order, current -> current.pendingRefund() == null
                            && payment.cancelledAmount() > current.refundedAmount()
                            ? Optional.of(current.withRefundsReported(payment.cancelledAmount(),
                                    CancelHistoryEntry.asRefunds(payment.cancelHistory(), now), now))
                            : Optional.empty(),
                    orders::update, merchantUid);
            LOG.info("refund merchant_uid={}: i'mport reports {} won refunded in all; recorded", merchantUid,
                    payment.cancelledAmount());
        } catch (RuntimeException e) {
            LOG.warn("refund merchant_uid={}: could not re-read the payment after a refusal ({})", merchantUid,
                    e.getClass().getSimpleName());
        }
    }

    /**
     * The order, its pending refund (if any) settled first: what the back office's lookup shows, so a refund whose
     * answer was lost is known for what it was as soon as someone looks (one i'mport read, only when one is pending).
     */
    public Order settlePending(Order order) {
        return order.pendingRefund() == null || order.impUid() == null ? order : settle(order);
    }

    /**
     * A pending refund, settled from the payment as i'mport reports it now: found in its cancel_history, it is
     * recorded; absent (and no longer possibly in flight), it is dropped, so it may be asked for again under the
     * checksum. i'mport unreachable: the order stays as it is.
     */
    Order settle(Order order) {
        PendingRefund pending = order.pendingRefund();
        IamportPayment payment;
        try {
            payment = gateway.findPayment(order.impUid()).orElse(null);
        } catch (IamportUnavailableException e) {
            LOG.warn("refund {} merchant_uid={}: still pending, i'mport not answering", pending.refundId(), order.merchantUid());
            return order;
        }
        if (payment == null) {
            return order;
        }
        Instant now = clock.instant();
        boolean inFlight = pending.requestedAt().plus(IN_FLIGHT).isAfter(now);
        OptimisticUpdate.Result<Order> result = OptimisticUpdate.apply(order, current -> {
            if (current.pendingRefund() == null || !current.pendingRefund().refundId().equals(pending.refundId())) {
                return Optional.empty();
            }
            Order next = current.withRefundsReported(payment.cancelledAmount(),
                    CancelHistoryEntry.asRefunds(payment.cancelHistory(), now), now);
            if (next.pendingRefund() == null) {
                return Optional.of(next);
            }
            if (payment.cancelledAmount() - current.refundedAmount() == pending.amount()) {
                // applied (the balance moved by exactly its amount), though not listed with an entry of its own
                return Optional.of(withEntry(next, pending, now));
            }
            if (payment.refundableAmount() == pending.checksum() && !inFlight) {
                // i'mport's balance is what it was when it was sent: never applied
                return Optional.of(next.withPendingRefund(null, now));
            }
            return next.equals(current) ? Optional.empty() : Optional.of(next);
        }, orders::update, order.merchantUid());
        Order settled = result.value();
        if (result.written()) {
            Optional<Refund> applied = settled.refund(pending.refundId());
            if (applied.isPresent()) {
                LOG.info("refund {} merchant_uid={}: pending refund found applied at i'mport ({} won), order now {}",
                        pending.refundId(), settled.merchantUid(), applied.get().amount(), settled.status());
                metrics.refund("reconciled", applied.get().amount());
            } else if (settled.pendingRefund() == null) {
                LOG.warn("refund {} merchant_uid={}: pending refund never applied at i'mport; dropped", pending.refundId(),
                        settled.merchantUid());
            }
        }
        return settled;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
