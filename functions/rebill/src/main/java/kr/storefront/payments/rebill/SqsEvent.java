package kr.storefront.payments.rebill;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What Lambda's SQS event source mapping sends, as far as the worker reads it (the other fields are ignored).
 * Two records instead of {@code aws-lambda-java-events} and its Serde mappings: 1.2 MB less in the bundle.
 *
 * @param records the messages of this invocation, up to the mapping's {@code BatchSize}
 */
@Serdeable
public record SqsEvent(@JsonProperty("Records") @Nullable List<Message> records) {

    public List<Message> messages() {
        return records == null ? List.of() : records;
    }

    /**
     * @param messageId what a partial batch response names to have the message delivered again
     * @param body      the message body
     */
    @Serdeable
    public record Message(@Nullable String messageId, @Nullable String body) {
    }
}
