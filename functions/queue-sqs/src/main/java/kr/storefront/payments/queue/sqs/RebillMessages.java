package kr.storefront.payments.queue.sqs;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import kr.storefront.payments.core.rebill.RebillBatch;

/**
 * The wire form of a queue message: a {@link RebillBatch} as snake_case JSON. One class writes and reads it, so
 * the planner and the workers of one deployment always agree.
 */
@Singleton
public final class RebillMessages {

    private final ObjectMapper json;

    RebillMessages(ObjectMapper json) {
        this.json = json;
    }

    public String write(RebillBatch batch) {
        try {
            return json.writeValueAsString(batch);
        } catch (IOException e) {
            throw new UncheckedIOException("rebill batch not serializable", e);
        }
    }

    /** @throws MalformedRebillMessageException when the body is not a rebill batch (a poison message) */
    public RebillBatch read(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedRebillMessageException("empty message body", null);
        }
        try {
            RebillBatch batch = json.readValue(body, RebillBatch.class);
            if (batch == null) {
                throw new MalformedRebillMessageException("message body is null", null);
            }
            return batch;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedRebillMessageException malformed) {
                throw malformed;
            }
            // the cause names the field, never echoes the body
            throw new MalformedRebillMessageException("message body is not a rebill batch: " + e.getClass().getSimpleName(), e);
        }
    }
}
