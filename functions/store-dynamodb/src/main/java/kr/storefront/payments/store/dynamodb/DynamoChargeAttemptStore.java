package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.store.Page;

@Singleton
final class DynamoChargeAttemptStore extends VersionedItemStore<ChargeAttempt> implements ChargeAttemptStore {

    private static final int PERIOD_PAGE = 50;

    DynamoChargeAttemptStore(DynamoTable table) {
        super(table, new ChargeAttemptItems());
    }

    @Override
    public Optional<ChargeAttempt> find(String customerId, String subscriptionId, int period, int attempt) {
        return get(TableKeys.customerPk(customerId), TableKeys.chargeSk(subscriptionId, period, attempt));
    }

    @Override
    public List<ChargeAttempt> listForPeriod(String customerId, String subscriptionId, int period) {
        QuerySpec query = QuerySpec.withPrefix(TableKeys.customerPk(customerId), TableKeys.chargePeriodPrefix(subscriptionId, period));
        List<ChargeAttempt> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<ChargeAttempt> page = query(query, cursor, PERIOD_PAGE);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    @Override
    public Page<ChargeAttempt> findUnresolved(@Nullable String cursor, int limit) {
        return query(QuerySpec.indexAtMost(TableKeys.UNRESOLVED_CHARGES, TableKeys.AFTER_ALL), cursor, limit);
    }
}
