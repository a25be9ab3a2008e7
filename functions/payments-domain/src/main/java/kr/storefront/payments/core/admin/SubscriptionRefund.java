package kr.storefront.payments.core.admin;

/** What an operator's immediate cancellation gives back of the current paid period. */
public enum SubscriptionRefund {
    /** Nothing: the customer keeps no further access, and no money back. */
    NONE,
    /** The period's whole charge (what is left of it, if part was refunded already). */
    FULL,
    /** The unused part of the period, by time: charge × remaining / period length, rounded down to the won. */
    PRORATED
}
