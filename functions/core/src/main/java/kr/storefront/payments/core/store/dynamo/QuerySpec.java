package kr.storefront.payments.core.store.dynamo;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * One key-condition Query: a partition and a condition on the sort key, on the table or on {@code gsi1}.
 * Every list in this service is one of these; nothing scans.
 */
record QuerySpec(@Nullable String indexName, String partitionAttribute, String partitionValue,
                 String sortAttribute, SortCondition sortCondition, String sortValue) {

    /** The sort-key comparisons we use. */
    enum SortCondition { BEGINS_WITH, AT_MOST, BELOW }

    /** Items of one table partition whose sort key starts with {@code prefix}. */
    static QuerySpec withPrefix(String pk, String skPrefix) {
        return new QuerySpec(null, TableKeys.PK, pk, TableKeys.SK, SortCondition.BEGINS_WITH, skPrefix);
    }

    /** Items of one {@code gsi1} partition whose sort key is at most {@code max}. */
    static QuerySpec indexAtMost(String gsi1pk, String max) {
        return new QuerySpec(TableKeys.GSI1, TableKeys.GSI1_PK, gsi1pk, TableKeys.GSI1_SK, SortCondition.AT_MOST, max);
    }

    /** Items of one {@code gsi1} partition whose sort key is strictly below {@code bound}. */
    static QuerySpec indexBelow(String gsi1pk, String bound) {
        return new QuerySpec(TableKeys.GSI1, TableKeys.GSI1_PK, gsi1pk, TableKeys.GSI1_SK, SortCondition.BELOW, bound);
    }

    QueryRequest.Builder toRequest(String tableName) {
        String sortExpression = switch (sortCondition) {
            case BEGINS_WITH -> "begins_with(#sk, :sk)";
            case AT_MOST -> "#sk <= :sk";
            case BELOW -> "#sk < :sk";
        };
        QueryRequest.Builder builder = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk AND " + sortExpression)
                .expressionAttributeNames(Map.of("#pk", partitionAttribute, "#sk", sortAttribute))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionValue), ":sk", AttributeValue.fromS(sortValue)))
                .scanIndexForward(true);
        if (indexName != null) {
            builder.indexName(indexName);
        } else {
            builder.consistentRead(true);
        }
        return builder;
    }
}
