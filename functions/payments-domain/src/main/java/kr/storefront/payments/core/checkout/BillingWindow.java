package kr.storefront.payments.core.checkout;

/** What a PG's billing-key (customer_uid) window does with the amount. */
public enum BillingWindow {
    /** The PG has no billing-key window. */
    NONE,
    /** The amount is only displayed; nothing is charged (payco, chai, tosspayments). */
    NEVER_CHARGES,
    /** A positive amount is charged while the key is issued (kakaopay). */
    CHARGES_WHEN_AMOUNT_POSITIVE
}
