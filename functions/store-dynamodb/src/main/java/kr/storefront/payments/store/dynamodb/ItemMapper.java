package kr.storefront.payments.store.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps one entity to and from its item, including its keys and sparse index attributes. */
interface ItemMapper<T> {

    /** The full item for {@code value} stored at {@code version}. */
    Map<String, AttributeValue> toItem(T value, long version);

    T fromItem(Map<String, AttributeValue> item);

    /** The version {@code value} was read at (0 for a new value). */
    long version(T value);
}
