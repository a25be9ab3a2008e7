package kr.storefront.payments.core.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where an order stands, as confirmed against i'mport. */
public enum OrderStatus {
    /** Created; the buyer has not paid yet (or we have not confirmed it). */
    PENDING,
    /** A virtual account was issued; waiting for the deposit. */
    AWAITING_DEPOSIT,
    PAID,
    /** The payment failed; a late approval can still make it {@link #PAID}. */
    FAILED,
    /** Cancelled before we saw it paid, or refunded in full before refunds were tracked. */
    CANCELLED,
    /** Paid, then part of it refunded. */
    PARTIALLY_REFUNDED,
    /** Paid, then refunded in full (through us or i'mport's console). */
    REFUNDED,
    /** i'mport reported a payment that does not match the order (amount, currency); it was refunded. */
    FORGED;

    /** Whether an order in this status may move to {@code next}. */
    public boolean canBecome(OrderStatus next) {
        return allowedNext().contains(next);
    }

    /** Statuses from which an order may still be paid or otherwise confirmed. */
    public boolean isOpen() {
        return this == PENDING || this == AWAITING_DEPOSIT;
    }

    private Set<OrderStatus> allowedNext() {
        return switch (this) {
            case PENDING -> EnumSet.of(AWAITING_DEPOSIT, PAID, FAILED, CANCELLED, FORGED);
            case AWAITING_DEPOSIT -> EnumSet.of(PAID, FAILED, CANCELLED, FORGED);
            case FAILED -> EnumSet.of(PAID, CANCELLED, FORGED);
            case PAID -> EnumSet.of(CANCELLED, PARTIALLY_REFUNDED, REFUNDED);
            case PARTIALLY_REFUNDED -> EnumSet.of(REFUNDED);
            case CANCELLED, REFUNDED, FORGED -> EnumSet.noneOf(OrderStatus.class);
        };
    }
}
