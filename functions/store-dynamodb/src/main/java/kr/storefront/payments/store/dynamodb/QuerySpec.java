package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * One key-condition Query: a partition and a condition on the sort key, on the table or on an index
 * ({@code sortUpper} is the upper end of a range condition, null otherwise). Every list in this service
 * is one of these; nothing scans.
 */
record QuerySpec(@Nullable String indexName, String partitionAttribute, String partitionValue,
                 String sortAttribute, SortCondition sortCondition, String sortValue, @Nullable String sortUpper,
                 boolean descending) {

    /** The sort-key comparisons we use. */
    enum SortCondition { BEGINS_WITH, AT_MOST, BELOW, FROM_BELOW }

    /** Items of one table partition whose sort key starts with {@code prefix}. */
    static QuerySpec withPrefix(String pk, String skPrefix) {
        return new QuerySpec(null, TableKeys.PK, pk, TableKeys.SK, SortCondition.BEGINS_WITH, skPrefix, null, false);
    }

    /** Items of one {@code gsi1} partition whose sort key is at most {@code max}. */
    static QuerySpec indexAtMost(String gsi1pk, String max) {
        return new QuerySpec(TableKeys.GSI1, TableKeys.GSI1_PK, gsi1pk, TableKeys.GSI1_SK, SortCondition.AT_MOST, max, null, false);
    }

    /** Items of one {@code gsi1} partition whose sort key is strictly below {@code bound}. */
    static QuerySpec indexBelow(String gsi1pk, String bound) {
        return new QuerySpec(TableKeys.GSI1, TableKeys.GSI1_PK, gsi1pk, TableKeys.GSI1_SK, SortCondition.BELOW, bound, null, false);
    }

    /**
     * Items of one {@code gsi1} partition whose sort key is at least {@code from} and strictly below
     * {@code bound}. DynamoDB's {@code BETWEEN} is inclusive at both ends; sort keys here are
     * {@code <value>#<id>}, so a bare {@code <value>} upper end excludes every item at exactly that value.
     */
    static QuerySpec indexFromBelow(String gsi1pk, String from, String bound) {
        return new QuerySpec(TableKeys.GSI1, TableKeys.GSI1_PK, gsi1pk, TableKeys.GSI1_SK, SortCondition.FROM_BELOW, from, bound, false);
    }

    /**
     * Items of one {@code gsi2} partition whose sort key is at least {@code from} and at most {@code upper}
     * (see {@link #indexFromBelow} for the bounds), the highest sort key first.
     */
    static QuerySpec index2FromBelowDescending(String gsi2pk, String from, String upper) {
        return new QuerySpec(TableKeys.GSI2, TableKeys.GSI2_PK, gsi2pk, TableKeys.GSI2_SK, SortCondition.FROM_BELOW, from, upper,
                true);
    }

    QueryRequest.Builder toRequest(String tableName) {
        String sortExpression = switch (sortCondition) {
            case BEGINS_WITH -> "begins_with(#sk, :sk)";
            case AT_MOST -> "#sk <= :sk";
            case BELOW -> "#sk < :sk";
            case FROM_BELOW -> "#sk BETWEEN :sk AND :upper";
        };
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(partitionValue));
        values.put(":sk", AttributeValue.fromS(sortValue));
        if (sortCondition == SortCondition.FROM_BELOW) {
            values.put(":upper", AttributeValue.fromS(sortUpper));
        }
        QueryRequest.Builder builder = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk AND " + sortExpression)
                .expressionAttributeNames(Map.of("#pk", partitionAttribute, "#sk", sortAttribute))
                .expressionAttributeValues(values)
                .scanIndexForward(!descending);
        if (indexName != null) {
            builder.indexName(indexName);
        } else {
            builder.consistentRead(true);
        }
        return builder;
    }
}
