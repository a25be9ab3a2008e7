package kr.storefront.payments.core.testing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.storefront.payments.core.idempotency.IdempotencyRecord;
import kr.storefront.payments.core.idempotency.IdempotencyStore;

/**
 * {@link IdempotencyStore} in memory, with the real store's expiry rule: a key whose {@code expires_at} (whole
 * seconds) is before the clock's current second can be claimed again, even while the record is still stored (DynamoDB
 * TTL removes items late). {@link #removeExpired()} plays the TTL sweeper.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final Clock clock;
    private final Map<String, IdempotencyRecord> records = new LinkedHashMap<>();
    private final StoreFaults faults = new StoreFaults("idempotency", IdempotencyStore.class);

    public InMemoryIdempotencyStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<IdempotencyRecord> claim(IdempotencyRecord record) {
        faults.beforeCall("claim");
        String key = record.scope() + "\n" + record.key();
        IdempotencyRecord current = records.get(key);
        if (current != null && !expired(current)) {
            return Optional.of(current);
        }
        records.put(key, StoredForm.idempotency(record));
        faults.afterWrite("claim");
        return Optional.empty();
    }

    /** Deletes the records past their expiry, as the table's TTL eventually does. */
    public synchronized void removeExpired() {
        records.values().removeIf(this::expired);
    }

    /** Every record stored, expired or not, in order of claim (no faults apply). */
    public synchronized List<IdempotencyRecord> all() {
        return List.copyOf(records.values());
    }

    public StoreFaults faults() {
        return faults;
    }

    private boolean expired(IdempotencyRecord record) {
        return record.expiresAt().getEpochSecond() < clock.instant().getEpochSecond();
    }
}
