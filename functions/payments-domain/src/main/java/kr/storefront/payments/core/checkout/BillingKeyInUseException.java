package kr.storefront.payments.core.checkout;

import java.util.List;

/** Thrown when a billing key to delete still pays for active subscriptions and the caller did not ask to cancel them. */
public final class BillingKeyInUseException extends RuntimeException {

    private final List<String> subscriptionIds;

    public BillingKeyInUseException(String customerUid, List<String> subscriptionIds) {
        super("billing key " + customerUid + " pays for active subscriptions " + subscriptionIds
                + "; cancel them first or delete with cancel_subscriptions=true");
        this.subscriptionIds = List.copyOf(subscriptionIds);
    }

    public List<String> subscriptionIds() {
        return subscriptionIds;
    }
}
