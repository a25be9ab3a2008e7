package kr.storefront.payments.core.store;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.domain.BillingKey;

/** Billing-key mappings, kept per customer so one customer can never reach another's keys. */
public interface BillingKeyStore {

    /** {@link WriteResult.Conflict} if this customer already has that customer_uid. */
    WriteResult<BillingKey> insert(BillingKey key);

    Optional<BillingKey> find(String customerId, String customerUid);

    /**
     * Strongly consistent read of up to 100 keys in one round trip; those that do not exist are absent from the
     * result (in no particular order).
     */
    List<BillingKey> findAll(List<Key> keys);

    /** Writes {@code changed} if the stored key is still at {@code changed.version()}. */
    WriteResult<BillingKey> update(BillingKey changed);

    /** A customer's keys, in customer_uid order. */
    Page<BillingKey> listByCustomer(String customerId, @Nullable String cursor, int limit);

    /** Where one billing key is kept. */
    record Key(String customerId, String customerUid) {
    }
}
