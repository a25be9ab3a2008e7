package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kr.storefront.payments.core.config.StoreConfiguration;
import kr.storefront.payments.core.store.InvalidCursorException;
import kr.storefront.payments.core.store.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one place that calls DynamoDB. SDK exceptions stop here: a failed condition becomes a
 * result, anything else a {@link StoreUnavailableException}.
 */
@Singleton
final class DynamoTable {

    /** Outcome of a conditional put: written, or refused with the item that blocked it (if any). */
    record PutResult(boolean written, Optional<Map<String, AttributeValue>> current) { }

    /** Primary key of one item. */
    record Key(String pk, String sk) { }

    /** One page of raw items. */
    record ItemPage(List<Map<String, AttributeValue>> items, @Nullable String nextCursor) { }

    private final DynamoDbClient dynamo;
    private final String tableName;

    DynamoTable(DynamoDbClient dynamo, StoreConfiguration configuration) {
        this.dynamo = dynamo;
        this.tableName = configuration.tableName();
    }

    /** Puts the item only if no item has its key. */
    PutResult putIfAbsent(Map<String, AttributeValue> item) {
        return conditionalPut(ConditionalPut.ifAbsent(item));
    }

    /** Replaces the item only if the stored one is at {@code expectedVersion}. */
    PutResult putIfVersion(Map<String, AttributeValue> item, long expectedVersion) {
        return conditionalPut(ConditionalPut.ifVersion(item, expectedVersion));
    }

    /** Puts the item whatever is stored (for items without a life cycle, such as catalog entries). */
    void put(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(request -> request.tableName(tableName).item(item));
        } catch (SdkException e) {
            throw unavailable("write " + item.get(TableKeys.PK).s(), e);
        }
    }

    /**
     * Writes several items atomically; each put carries its own condition. False when any
     * condition failed (then nothing was written).
     */
    boolean transact(List<ConditionalPut> puts) {
        return transactOrFailed(puts).isEmpty();
    }

    /**
     * Writes several items atomically; each put carries its own condition.
     *
     * @return empty when written; else the positions (in {@code puts}) of the puts whose condition failed, from the
     *         transaction's cancellation reasons (then nothing was written)
     */
    Set<Integer> transactOrFailed(List<ConditionalPut> puts) {
        List<TransactWriteItem> items = puts.stream().map(put -> TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(put.item())
                .conditionExpression(put.condition())
                .expressionAttributeNames(put.names())
                .expressionAttributeValues(put.values().isEmpty() ? null : put.values())
                .build()).build()).toList();
        try {
            dynamo.transactWriteItems(request -> request.transactItems(items));
            return Set.of();
        } catch (TransactionCanceledException e) {
            Set<Integer> failed = new TreeSet<>();
            if (e.hasCancellationReasons()) {
                for (int i = 0; i < e.cancellationReasons().size(); i++) {
                    if ("ConditionalCheckFailed".equals(e.cancellationReasons().get(i).code())) {
                        failed.add(i);
                    }
                }
            }
            if (failed.isEmpty()) {
                throw unavailable("write " + puts.size() + " items atomically", e);
            }
            return failed;
        } catch (SdkException e) {
            throw unavailable("write " + puts.size() + " items atomically", e);
        }
    }

    /** One put of a transaction with its condition. */
    record ConditionalPut(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                          Map<String, AttributeValue> values) {

        static ConditionalPut ifAbsent(Map<String, AttributeValue> item) {
            return new ConditionalPut(item, "attribute_not_exists(#pk)", Map.of("#pk", TableKeys.PK), Map.of());
        }

        static ConditionalPut ifVersion(Map<String, AttributeValue> item, long expectedVersion) {
            return new ConditionalPut(item, "#version = :expected", Map.of("#version", TableKeys.VERSION),
                    Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))));
        }
    }

    /** Strongly consistent read of one item. */
    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        try {
            var response = dynamo.getItem(request -> request.tableName(tableName).consistentRead(true)
                    .key(Map.of(TableKeys.PK, AttributeValue.fromS(pk), TableKeys.SK, AttributeValue.fromS(sk))));
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
        } catch (SdkException e) {
            throw unavailable("read " + pk, e);
        }
    }

    /**
     * Strongly consistent read of up to 100 items in one round trip (retrying whatever DynamoDB
     * leaves unprocessed); missing items are simply absent from the result.
     */
    List<Map<String, AttributeValue>> getAll(List<Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        if (keys.size() > 100) {
            throw new IllegalArgumentException("at most 100 keys per batch read");
        }
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, KeysAndAttributes> pending = Map.of(tableName, KeysAndAttributes.builder().consistentRead(true)
                .keys(keys.stream().map(key -> Map.of(TableKeys.PK, AttributeValue.fromS(key.pk()),
                        TableKeys.SK, AttributeValue.fromS(key.sk()))).toList())
                .build());
        try {
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round == 5) {
                    throw new StoreUnavailableException("DynamoDB table " + tableName + ": batch read kept throttling", null);
                }
                Map<String, KeysAndAttributes> request = pending;
                var response = dynamo.batchGetItem(batch -> batch.requestItems(request));
                found.addAll(response.responses().getOrDefault(tableName, List.of()));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        } catch (SdkException e) {
            throw unavailable("batch read " + keys.size() + " items", e);
        }
        return found;
    }

    /** Puts the item if the condition holds; the blocking item (if any) otherwise. */
    PutResult putIf(ConditionalPut put) {
        return conditionalPut(put);
    }

    /** One page of a key-condition query, resuming after {@code cursor}. */
    ItemPage query(QuerySpec spec, @Nullable String cursor, int limit) {
        var request = spec.toRequest(tableName).limit(limit);
        Map<String, AttributeValue> startKey = CursorCodec.decode(cursor, spec);
        if (startKey != null) {
            request.exclusiveStartKey(startKey);
        }
        try {
            QueryResponse response = dynamo.query(request.build());
            return new ItemPage(response.items(),
                    response.hasLastEvaluatedKey() ? CursorCodec.encode(response.lastEvaluatedKey(), spec) : null);
        } catch (DynamoDbException e) {
            if (startKey != null && e.statusCode() == 400 && e.awsErrorDetails() != null
                    && "ValidationException".equals(e.awsErrorDetails().errorCode())) {
                // a start key CursorCodec let through but DynamoDB refuses is still the caller's cursor, not an outage
                throw new InvalidCursorException("page cursor does not belong to this list");
            }
            throw unavailable("query " + spec.partitionValue(), e);
        } catch (SdkException e) {
            throw unavailable("query " + spec.partitionValue(), e);
        }
    }

    private PutResult conditionalPut(ConditionalPut put) {
        Map<String, AttributeValue> item = put.item();
        PutItemRequest.Builder request = PutItemRequest.builder()
                .tableName(tableName)
                .item(item)
                .conditionExpression(put.condition())
                .expressionAttributeNames(put.names())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (!put.values().isEmpty()) {
            request.expressionAttributeValues(put.values());
        }
        try {
            dynamo.putItem(request.build());
            return new PutResult(true, Optional.empty());
        } catch (ConditionalCheckFailedException e) {
            if (e.hasItem() && !e.item().isEmpty()) {
                return new PutResult(false, Optional.of(e.item()));
            }
            // not every emulator returns the blocking item; read it
            return new PutResult(false, get(item.get(TableKeys.PK).s(), item.get(TableKeys.SK).s()));
        } catch (SdkException e) {
            throw unavailable("write " + item.get(TableKeys.PK).s(), e);
        }
    }

    private StoreUnavailableException unavailable(String what, SdkException e) {
        return new StoreUnavailableException("DynamoDB table " + tableName + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
