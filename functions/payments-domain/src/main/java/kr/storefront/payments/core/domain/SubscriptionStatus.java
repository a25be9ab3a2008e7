package kr.storefront.payments.core.domain;

/** Life of a subscription. */
public enum SubscriptionStatus {
    /** Charged on schedule. */
    ACTIVE,
    /** The current period's charge is being retried by the dunning schedule. */
    PAST_DUE,
    /** Not charged until an operator resumes it; the periods that start meanwhile are skipped, never billed. */
    PAUSED,
    /** Ended: never charged again. */
    CANCELLED;

    /** Only these are ever charged. */
    public boolean isBillable() {
        return this == ACTIVE || this == PAST_DUE;
    }
}
