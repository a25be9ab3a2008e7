package kr.storefront.payments.core.store;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.domain.ChargeAttempt;

/** Rebill attempts, one item per (subscription, period, attempt). */
public interface ChargeAttemptStore {

    /** {@link WriteResult.Conflict} if that attempt already exists: someone else is charging this period. */
    WriteResult<ChargeAttempt> insert(ChargeAttempt attempt);

    Optional<ChargeAttempt> find(String customerId, String subscriptionId, int period, int attempt);

    /** Writes {@code changed} if the stored attempt is still at {@code changed.version()}. */
    WriteResult<ChargeAttempt> update(ChargeAttempt changed);

    /** Every attempt of one period, in attempt order. */
    List<ChargeAttempt> listForPeriod(String customerId, String subscriptionId, int period);

    /** Attempts whose outcome is not known yet (in flight or unknown), oldest first. */
    Page<ChargeAttempt> findUnresolved(@Nullable String cursor, int limit);
}
