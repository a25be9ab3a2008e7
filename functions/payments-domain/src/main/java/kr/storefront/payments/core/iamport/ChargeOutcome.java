package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;

/**
 * What happened to a request that charges a card. Exactly one of four things, never an exception:
 * the rebill job retries each differently, and only {@link Unknown} needs reconciliation.
 */
public sealed interface ChargeOutcome {

    /** i'mport approved the charge ({@code code 0}, {@code status paid}). */
    record Paid(IamportPayment payment) implements ChargeOutcome { }

    /**
     * The charge was refused: {@code code 0} with {@code status failed}, or {@code code != 0} / a 4xx
     * (the request itself was refused). No money moved.
     *
     * @param reason  the PG's or i'mport's message
     * @param code    i'mport's envelope code (0 for a {@code status failed} decline)
     * @param payment the failed payment when i'mport returned one
     */
    record Declined(String reason, int code, @Nullable IamportPayment payment) implements ChargeOutcome { }

    /** The charge request never reached i'mport (no token, connection refused, credentials rejected). Safe to retry. */
    record NotAttempted(String reason) implements ChargeOutcome { }

    /**
     * The request was sent but no usable answer came back (timeout, reset, 5xx, unreadable body).
     * The card may have been charged: look the payment up by merchant_uid before trying again.
     */
    record Unknown(String reason) implements ChargeOutcome { }
}
