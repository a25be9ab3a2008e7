package kr.storefront.payments.core.iamport;

/** What happened to a cancel (refund) request. Like charges, a refund moves money, so it is a value. */
public sealed interface CancelOutcome {

    /** i'mport applied the refund; the payment shows the new {@code cancel_amount} / status. */
    record Cancelled(IamportPayment payment) implements CancelOutcome { }

    /** i'mport refused (already cancelled, unknown payment, checksum mismatch, ...); nothing changed. */
    record Rejected(String reason, int code) implements CancelOutcome { }

    /** The request never reached i'mport; safe to retry. */
    record NotAttempted(String reason) implements CancelOutcome { }

    /** Sent but unanswered; re-read the payment before retrying (the {@code checksum} makes a retry safe). */
    record Unknown(String reason) implements CancelOutcome { }
}
