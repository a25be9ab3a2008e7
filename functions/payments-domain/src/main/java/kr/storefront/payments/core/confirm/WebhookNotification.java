package kr.storefront.payments.core.confirm;

import io.micronaut.core.annotation.Nullable;

/**
 * What i'mport's (unsigned) notification claims. Only the identifiers are used; the status is
 * kept for the audit record and never trusted.
 *
 * @param impUid         claimed payment id
 * @param merchantUid    claimed order id
 * @param status         claimed status ({@code paid}, {@code ready}, {@code cancelled}, {@code failed})
 * @param cancellationId set on cancellation notices
 */
public record WebhookNotification(String impUid, @Nullable String merchantUid, @Nullable String status,
                                  @Nullable String cancellationId) {
}
