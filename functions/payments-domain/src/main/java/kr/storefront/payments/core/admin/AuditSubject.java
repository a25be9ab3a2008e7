package kr.storefront.payments.core.admin;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * What an audit entry is about: an order, or a customer's subscription.
 *
 * @param merchantUid    the order, or null
 * @param customerId     the subscription's owner, or null
 * @param subscriptionId the subscription, or null
 */
public record AuditSubject(@Nullable String merchantUid, @Nullable String customerId, @Nullable String subscriptionId) {

    public AuditSubject {
        if ((merchantUid == null) == (subscriptionId == null) || (subscriptionId == null) != (customerId == null)) {
            throw new IllegalArgumentException("an audit subject is an order or a customer's subscription");
        }
    }

    public static AuditSubject order(String merchantUid) {
        return new AuditSubject(Objects.requireNonNull(merchantUid, "merchantUid"), null, null);
    }

    public static AuditSubject subscription(String customerId, String subscriptionId) {
        return new AuditSubject(null, Objects.requireNonNull(customerId, "customerId"),
                Objects.requireNonNull(subscriptionId, "subscriptionId"));
    }

    public boolean isOrder() {
        return merchantUid != null;
    }
}
