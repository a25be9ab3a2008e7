package kr.storefront.payments.core.confirm;

/** What prompted a confirmation; all of them converge on the same idempotent step. */
public enum ConfirmSource {
    /** The browser came back to {@code m_redirect_url}. */
    REDIRECT,
    /** The storefront's PC callback posted the ids. */
    CALLBACK,
    /** i'mport's notification. */
    WEBHOOK,
    /** A charge made by our own server (API-mode card payment). */
    SERVER_CHARGE,
    /** The periodic sweep of orders left open. */
    RECONCILIATION
}
