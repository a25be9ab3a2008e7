package kr.storefront.payments.core.domain;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something we expect i'mport to be paid for, identified by the merchant_uid we minted. The amount
 * is ours, computed from our catalog or plan; i'mport's report is checked against it.
 *
 * @param merchantUid    our id at i'mport (≤ 40 chars)
 * @param kind           why it exists
 * @param customerId     the buyer's id (JWT {@code sub}), null for guest checkout
 * @param name           order name shown in the payment window (≤ 40 chars)
 * @param amount         amount due in won
 * @param currency       {@code KRW}
 * @param pg             PG the buyer pays with
 * @param payMethod      i'mport pay_method, null where the PG ignores it (kakaopay)
 * @param lines          catalog items (empty for plans and rebill charges)
 * @param status         confirmation state
 * @param impUid         i'mport's payment id, once known
 * @param customerUid    billing key issued or charged, for billing orders
 * @param subscriptionId subscription charged, for rebill orders; for a billing-key window that charged a plan's
 *                       first period, the subscription whose period 0 it paid, once one claimed it
 * @param planId         plan whose first period a billing-key window charges (kakaopay), else null
 * @param virtualAccount account issued for vbank payments
 * @param card           masked card used, once paid
 * @param failReason     last failure reason reported
 * @param refundedAmount won refunded so far, as i'mport's {@code cancel_amount} last reported
 * @param refunds        each refund, as i'mport's {@code cancel_history} recorded it, oldest first
 * @param pendingRefund  a refund sent whose outcome is not known yet; no other is sent until it is settled
 * @param createdAt      creation time
 * @param updatedAt      last change
 * @param version        optimistic-locking version, bumped by the store on every write
 */
public record Order(
        String merchantUid,
        OrderKind kind,
        @Nullable String customerId,
        String name,
        long amount,
        String currency,
        Pg pg,
        @Nullable String payMethod,
        List<OrderLine> lines,
        OrderStatus status,
        @Nullable String impUid,
        @Nullable String customerUid,
        @Nullable String subscriptionId,
        @Nullable String planId,
        @Nullable VirtualAccount virtualAccount,
        @Nullable CardSummary card,
        @Nullable String failReason,
        long refundedAmount,
        List<Refund> refunds,
        @Nullable PendingRefund pendingRefund,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Order {
        Objects.requireNonNull(merchantUid, "merchantUid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(pg, "pg");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lines = lines == null ? List.of() : List.copyOf(lines);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
        if (amount < 0) {
            throw new IllegalArgumentException("amount must be >= 0");
        }
        if (refundedAmount < 0 || refundedAmount > amount) {
            throw new IllegalArgumentException("refundedAmount must be within 0..amount");
        }
    }

    /** An order nothing was refunded of. */
    public Order(String merchantUid, OrderKind kind, @Nullable String customerId, String name, long amount, String currency,
                 Pg pg, @Nullable String payMethod, List<OrderLine> lines, OrderStatus status, @Nullable String impUid,
                 @Nullable String customerUid, @Nullable String subscriptionId, @Nullable String planId,
                 @Nullable VirtualAccount virtualAccount, @Nullable CardSummary card, @Nullable String failReason,
                 Instant createdAt, Instant updatedAt, long version) {
        this(merchantUid, kind, customerId, name, amount, currency, pg, payMethod, lines, status, impUid, customerUid,
                subscriptionId, planId, virtualAccount, card, failReason, 0, List.of(), null, createdAt, updatedAt, version);
    }

    /** A new order waiting for payment. */
    public static Order pending(String merchantUid, OrderKind kind, @Nullable String customerId, String name, long amount,
                                Pg pg, @Nullable String payMethod, List<OrderLine> lines, @Nullable String customerUid,
                                @Nullable String subscriptionId, Instant now) {
        return new Order(merchantUid, kind, customerId, name, amount, "KRW", pg, payMethod, lines, OrderStatus.PENDING,
                null, customerUid, subscriptionId, null, null, null, null, now, now, 0);
    }

    /** This order charges the first period of {@code plan} (a kakaopay billing-key window). */
    public Order forPlan(String plan) {
        return new Order(merchantUid, kind, customerId, name, amount, currency, pg, payMethod, lines, status, impUid, customerUid,
                subscriptionId, Objects.requireNonNull(plan, "plan"), virtualAccount, card, failReason, refundedAmount, refunds,
                pendingRefund, createdAt, updatedAt, version);
    }

    /**
     * A paid billing-key window that charged a plan's first period, now counted as period 0 of
     * {@code subscription}: no other subscription may claim it.
     *
     * @throws IllegalStateException if it charged nothing, is not paid, or was claimed already
     */
    public Order claimedAsFirstPeriodOf(String subscription, Instant now) {
        if (!paysAFirstPeriod() || subscriptionId != null) {
            throw new IllegalStateException("order " + merchantUid + " pays no unclaimed first period");
        }
        return new Order(merchantUid, kind, customerId, name, amount, currency, pg, payMethod, lines, status, impUid, customerUid,
                Objects.requireNonNull(subscription, "subscription"), planId, virtualAccount, card, failReason, refundedAmount,
                refunds, pendingRefund, createdAt, now, version);
    }

    /** A paid billing-key window that charged a plan's first period (claimed or not). */
    public boolean paysAFirstPeriod() {
        return kind == OrderKind.BILLING_KEY_ISSUE && planId != null && amount > 0 && status == OrderStatus.PAID;
    }

    /**
     * This order moved to {@code next}, with what i'mport reported.
     *
     * @throws IllegalStateException if the status may not change that way
     */
    public Order transitionTo(OrderStatus next, @Nullable String reportedImpUid, @Nullable VirtualAccount account,
                              @Nullable CardSummary reportedCard, @Nullable String reason, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("order " + merchantUid + " cannot go from " + status + " to " + next);
        }
        return new Order(merchantUid, kind, customerId, name, amount, currency, pg, payMethod, lines, next,
                reportedImpUid != null ? reportedImpUid : impUid, customerUid, subscriptionId, planId,
                account != null ? account : virtualAccount, reportedCard != null ? reportedCard : card,
                reason != null ? reason : failReason, refundedAmount, refunds, pendingRefund, createdAt, now, version);
    }

    /** What can still be refunded: paid minus refunded. */
    public long refundable() {
        return amount - refundedAmount;
    }

    /** Whether money of this order may be refunded through us (paid, not yet refunded in full). */
    public boolean isRefundable() {
        return (status == OrderStatus.PAID || status == OrderStatus.PARTIALLY_REFUNDED) && impUid != null && refundable() > 0;
    }

    /** The refund recorded for our request {@code refundId}, if it was applied. */
    public java.util.Optional<Refund> refund(String refundId) {
        return refunds.stream().filter(r -> refundId.equals(r.refundId())).findFirst();
    }

    /** This order holding {@code pending} while its outcome is unknown (or being asked for). */
    public Order withPendingRefund(@Nullable PendingRefund pending, Instant now) {
        return new Order(merchantUid, kind, customerId, name, amount, currency, pg, payMethod, lines, status, impUid, customerUid,
                subscriptionId, planId, virtualAccount, card, failReason, refundedAmount, refunds, pending, createdAt, now,
                version);
    }

    /**
     * This order after i'mport reported {@code cancelledAmount} refunded in total, with {@code reported} its
     * cancel_history (each entry as a refund of no request of ours): every entry not recorded yet is added (matched by
     * pg_tid, else by amount and time); an unrecorded entry of the pending refund's amount is that refund, which is
     * then settled. The status becomes PARTIALLY_REFUNDED, or REFUNDED once nothing is left.
     */
    public Order withRefundsReported(long cancelledAmount, List<Refund> reported, Instant now) {
        List<Refund> recorded = new java.util.ArrayList<>(refunds);
        PendingRefund pending = pendingRefund;
        for (Refund entry : reported) {
            boolean known = recorded.stream().anyMatch(r -> entry.pgTid() != null ? entry.pgTid().equals(r.pgTid())
                    : r.pgTid() == null && r.amount() == entry.amount() && r.cancelledAt().equals(entry.cancelledAt()));
            if (known) {
                continue;
            }
            String refundId = null;
            if (pending != null && entry.amount() == pending.amount()) {
                refundId = pending.refundId();
                pending = null;
            }
            recorded.add(new Refund(refundId, entry.pgTid(), entry.amount(), entry.cancelledAt(), entry.reason(),
                    entry.receiptUrl()));
        }
        long refunded = Math.max(refundedAmount, Math.min(cancelledAmount, amount));
        OrderStatus next = status;
        if (refunded > 0 && (status == OrderStatus.PAID || status == OrderStatus.PARTIALLY_REFUNDED)) {
            next = refunded == amount ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        }
        return new Order(merchantUid, kind, customerId, name, amount, currency, pg, payMethod, lines, next, impUid, customerUid,
                subscriptionId, planId, virtualAccount, card, failReason, refunded, recorded, pending, createdAt, now, version);
    }
}
