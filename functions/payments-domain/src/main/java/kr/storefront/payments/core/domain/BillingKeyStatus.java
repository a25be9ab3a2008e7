package kr.storefront.payments.core.domain;

/** Life of a billing key (customer_uid) mapping. */
public enum BillingKeyStatus {
    /** customer_uid minted, issuance window not confirmed yet. */
    PENDING,
    /** Confirmed at i'mport; may be charged. */
    ACTIVE,
    /** Issuance failed or was abandoned. */
    FAILED,
    /** Deleted at i'mport; never charged again. */
    DELETED;

    public boolean canBecome(BillingKeyStatus next) {
        return switch (this) {
            case PENDING -> next == ACTIVE || next == FAILED || next == DELETED;
            case FAILED -> next == ACTIVE || next == DELETED;
            case ACTIVE -> next == DELETED;
            case DELETED -> false;
        };
    }
}
