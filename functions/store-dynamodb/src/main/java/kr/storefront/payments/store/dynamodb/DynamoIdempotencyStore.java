package kr.storefront.payments.store.dynamodb;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import kr.storefront.payments.core.idempotency.IdempotencyRecord;
import kr.storefront.payments.core.idempotency.IdempotencyStore;
import kr.storefront.payments.core.idempotency.RequestFingerprint;
import kr.storefront.payments.core.store.StoreUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Idempotency keys as items with a TTL; an expired key (not yet removed by TTL) can be claimed again. */
@Singleton
final class DynamoIdempotencyStore implements IdempotencyStore {

    private final DynamoTable table;
    private final Clock clock;

    DynamoIdempotencyStore(DynamoTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord record) {
        Map<String, AttributeValue> item = new ItemBuilder()
                .string(TableKeys.PK, TableKeys.idempotencyPk(record.scope(), RequestFingerprint.ofKey(record.key())))
                .string(TableKeys.SK, TableKeys.IDEMPOTENCY_SK)
                .string("type", "IDEMPOTENCY_KEY")
                .string("scope", record.scope())
                .string("request_hash", record.requestHash())
                .string("resource_id", record.resourceId())
                .time("created_at", record.createdAt())
                .number(TableKeys.EXPIRES_AT, record.expiresAt().getEpochSecond())
                .build();
        // a refused claim whose blocker has meanwhile expired away is simply tried again
        for (int attempt = 0; attempt < 3; attempt++) {
            DynamoTable.PutResult result = table.putIf(new DynamoTable.ConditionalPut(item,
                    "attribute_not_exists(#pk) OR #expires < :now", Map.of("#pk", TableKeys.PK, "#expires", TableKeys.EXPIRES_AT),
                    Map.of(":now", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())))));
            if (result.written()) {
                return Optional.empty();
            }
            if (result.current().isPresent()) {
                return Optional.of(record(result.current().get(), record.key()));
            }
        }
        throw new StoreUnavailableException("idempotency key for " + record.scope() + " could be neither claimed nor read", null);
    }

    private static IdempotencyRecord record(Map<String, AttributeValue> stored, String key) {
        ItemReader reader = new ItemReader(stored);
        return reader.construct(() -> new IdempotencyRecord(reader.string("scope"), key, reader.string("request_hash"),
                reader.string("resource_id"), reader.time("created_at"), Instant.ofEpochSecond(reader.number(TableKeys.EXPIRES_AT))));
    }
}
