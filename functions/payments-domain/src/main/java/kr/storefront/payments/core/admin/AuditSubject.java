package kr.storefront.payments.core.admin;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What an audit entry is about: an order, a customer's subscription, or a catalog item (product or plan).
 *
 * @param merchantUid    the order, or null
 * @param customerId     the subscription's owner, or null
 * @param subscriptionId the subscription, or null
 * @param sku            the product, or null
 * @param planId         the plan, or null
 */
public record AuditSubject(@Nullable String merchantUid, @Nullable String customerId, @Nullable String subscriptionId,
                           @Nullable String sku, @Nullable String planId) {

    public AuditSubject {
        if (Stream.of(merchantUid, subscriptionId, sku, planId).filter(Objects::nonNull).count() != 1
                || (subscriptionId == null) != (customerId == null)) {
            throw new IllegalArgumentException("an audit subject is an order, a customer's subscription, a product or a plan");
        }
    }

    public static AuditSubject order(String merchantUid) {
        return new AuditSubject(Objects.requireNonNull(merchantUid, "merchantUid"), null, null, null, null);
    }

    public static AuditSubject subscription(String customerId, String subscriptionId) {
        return new AuditSubject(null, Objects.requireNonNull(customerId, "customerId"),
                Objects.requireNonNull(subscriptionId, "subscriptionId"), null, null);
    }

    public static AuditSubject product(String sku) {
        return new AuditSubject(null, null, null, Objects.requireNonNull(sku, "sku"), null);
    }

    public static AuditSubject plan(String planId) {
        return new AuditSubject(null, null, null, null, Objects.requireNonNull(planId, "planId"));
    }

    public boolean isOrder() {
        return merchantUid != null;
    }

    public boolean isSubscription() {
        return subscriptionId != null;
    }
}
