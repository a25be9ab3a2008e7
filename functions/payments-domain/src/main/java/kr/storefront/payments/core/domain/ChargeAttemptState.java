package kr.storefront.payments.core.domain;

/** Where one {@code again} attempt stands. Mirrors {@code ChargeOutcome}, plus the state before the call. */
public enum ChargeAttemptState {
    /** Written before calling i'mport: the call may be under way or may have crashed. */
    IN_FLIGHT,
    PAID,
    DECLINED,
    /** The request never reached i'mport, or reconciliation proved nothing was charged. */
    NOT_ATTEMPTED,
    /** Sent without a usable answer: reconcile before anything else. */
    UNKNOWN,
    /** i'mport reported it paid with an amount other than ours: refunded and flagged, never counted as paid. */
    FORGED;

    /** Whether the truth about this attempt is still to be found at i'mport. */
    public boolean needsReconciliation() {
        return this == IN_FLIGHT || this == UNKNOWN;
    }

    public boolean canBecome(ChargeAttemptState next) {
        return switch (this) {
            case IN_FLIGHT -> next != IN_FLIGHT;
            case UNKNOWN -> next == PAID || next == DECLINED || next == NOT_ATTEMPTED || next == FORGED;
            // a late approval or a reconciliation may still show money moved
            case DECLINED, NOT_ATTEMPTED -> next == PAID || next == FORGED;
            case PAID, FORGED -> false;
        };
    }
}
