package kr.storefront.payments.rebill;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The partial batch response ({@code FunctionResponseTypes: [ReportBatchItemFailures]}): the messages named
 * here are delivered again (then dead-lettered), every other one of the batch is deleted.
 */
@Serdeable
public record SqsBatchResponse(@JsonInclude(JsonInclude.Include.ALWAYS) List<ItemFailure> batchItemFailures) {

    public SqsBatchResponse {
        batchItemFailures = List.copyOf(batchItemFailures);
    }

    static SqsBatchResponse of(List<String> messageIds) {
        return new SqsBatchResponse(messageIds.stream().map(ItemFailure::new).toList());
    }

    /** @param itemIdentifier the failed message's id */
    @Serdeable
    public record ItemFailure(String itemIdentifier) {
    }
}
