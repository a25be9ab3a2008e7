package kr.storefront.payments.core.confirm;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * The audit record of one webhook delivery, kept for a while (TTL) to answer "did i'mport tell us?".
 *
 * @param impUid         claimed payment id ({@code -} when the body had none)
 * @param merchantUid    claimed order id
 * @param status         claimed status
 * @param cancellationId cancellation id, if any
 * @param sourceIp       sender address as API Gateway saw it
 * @param receivedAt     arrival time
 * @param verdict        how it was handled
 * @param detail         what confirmation found (e.g. {@code PENDING -> PAID}, {@code no change}, the error)
 * @param expiresAt      when the record may be deleted
 */
public record WebhookDelivery(String impUid, @Nullable String merchantUid, @Nullable String status,
                              @Nullable String cancellationId, @Nullable String sourceIp, Instant receivedAt,
                              WebhookVerdict verdict, String detail, Instant expiresAt) {
}
