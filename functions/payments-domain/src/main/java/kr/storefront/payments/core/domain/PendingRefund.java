package kr.storefront.payments.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A refund sent to i'mport whose answer never came (timeout, 5xx). It holds the order: no other refund
 * is sent until the payment has been re-read and this one matched against its {@code cancel_history}
 * (applied) or found absent (not applied).
 *
 * @param refundId    our id of the request
 * @param amount      won asked for
 * @param checksum    the refundable balance sent as i'mport's checksum
 * @param requestedAt when it was sent
 */
public record PendingRefund(String refundId, long amount, long checksum, Instant requestedAt) {

    public PendingRefund {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
