package kr.storefront.payments.core.checkout;

import java.util.List;

/** Thrown when a billing key to delete still pays for active subscriptions and the caller did not ask to cancel them. */
public final class BillingKeyInUseException extends RuntimeException {

    private final List<String> subscriptionIds;

    /** @param subscriptionIds the active subscriptions found (our ids, listed in the error's details) */
    public BillingKeyInUseException(List<String> subscriptionIds) {
        super("this billing key pays for active subscriptions; cancel them first or delete with cancel_subscriptions=true");
        this.subscriptionIds = List.copyOf(subscriptionIds);
    }

    public List<String> subscriptionIds() {
        return subscriptionIds;
    }
}
