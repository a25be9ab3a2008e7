package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.store.Page;

/**
 * {@link ChargeAttemptStore} in memory. {@link #findUnresolved} reads what the real index holds (attempts in flight
 * or unknown) by {@code <updated_at to the millisecond>#<merchant_uid>}.
 */
public final class InMemoryChargeAttemptStore extends InMemoryVersionedStore<ChargeAttempt> implements ChargeAttemptStore {

    public InMemoryChargeAttemptStore() {
        super("chargeAttempts", ChargeAttemptStore.class,
                stored -> keyOf(stored.customerId(), stored.subscriptionId(), stored.period(), stored.attempt()), ChargeAttempt::version,
                StoredForm::attempt);
    }

    @Override
    public Optional<ChargeAttempt> find(String customerId, String subscriptionId, int period, int attempt) {
        return lookup("find", keyOf(customerId, subscriptionId, period, attempt));
    }

    @Override
    public synchronized List<ChargeAttempt> listForPeriod(String customerId, String subscriptionId, int period) {
        faults().beforeCall("listForPeriod");
        return all().stream()
                .filter(attempt -> attempt.customerId().equals(customerId) && attempt.subscriptionId().equals(subscriptionId)
                        && attempt.period() == period)
                .sorted(Comparator.comparingInt(ChargeAttempt::attempt))
                .toList();
    }

    @Override
    public Page<ChargeAttempt> findUnresolved(@Nullable String cursor, int limit) {
        return query("findUnresolved", "CHARGE#UNRESOLVED", attempt -> attempt.state().needsReconciliation(),
                attempt -> SortableTime.of(attempt.updatedAt()) + "#" + attempt.merchantUid(), cursor, limit);
    }
}
