package kr.storefront.payments.testkit.iamport;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Billing keys by customer_uid. Issuing under an existing customer_uid replaces the card, as at
 * PortOne (the old PG key is not revoked there; here it simply disappears); {@code inserted} is kept.
 */
final class BillingKeyRegistry {

    private final ConcurrentMap<String, BillingKey> byCustomerUid = new ConcurrentHashMap<>();

    BillingKey issue(BillingKey key) {
        return byCustomerUid.merge(key.customerUid(), key, (previous, replacement) -> replacement.reissuedOver(previous));
    }

    Optional<BillingKey> find(String customerUid) {
        return Optional.ofNullable(byCustomerUid.get(customerUid));
    }

    Optional<BillingKey> delete(String customerUid) {
        return Optional.ofNullable(byCustomerUid.remove(customerUid));
    }

    void clear() {
        byCustomerUid.clear();
    }
}
