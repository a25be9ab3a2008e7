package kr.storefront.payments.core.admin;

/** An operator's subscription action that its state does not allow (409); nothing was changed. */
public final class SubscriptionActionRefusedException extends RuntimeException {

    /** Why; each maps to one error code. */
    public enum Reason {
        /** Only an active subscription with no charge in flight, not ending at period end, may be paused. */
        NOT_PAUSABLE,
        /** Only a paused subscription may be resumed. */
        NOT_PAUSED,
        /** It ended already: a refund of its last period goes through the order's refund route. */
        ALREADY_CANCELLED,
        /** A charge's outcome is not known yet; retry once it is settled. */
        CHARGE_IN_FLIGHT,
        /** No period was charged through a rebill, so there is no charge of the current period to refund here. */
        NOTHING_TO_REFUND
    }

    private final Reason reason;

    public SubscriptionActionRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
