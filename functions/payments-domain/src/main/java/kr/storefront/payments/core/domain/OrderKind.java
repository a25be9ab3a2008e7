package kr.storefront.payments.core.domain;

/** Why we minted a merchant_uid. Every payment i'mport reports back maps to exactly one order. */
public enum OrderKind {
    /** A storefront purchase paid in the checkout window. */
    ONE_TIME,
    /** The checkout window that issues a billing key (customer_uid); kakaopay may charge in it. */
    BILLING_KEY_ISSUE,
    /** One rebill attempt of a subscription period ({@code again}). */
    SUBSCRIPTION_CHARGE
}
