package kr.storefront.payments.core.confirm;

/** How a webhook delivery was handled, which decides i'mport's answer: retry only where it can help. */
public enum WebhookVerdict {
    /** Applied, or already applied: answer 200 so i'mport stops. */
    HANDLED,
    /** The ids name no payment i'mport knows, or no order of ours: answer 4xx, a retry cannot help. */
    UNKNOWN,
    /** The ids do not belong together, or the payment is not acceptable: 4xx. */
    REJECTED,
    /** The sender is not on the configured allowlist: 403. */
    SOURCE_NOT_ALLOWED,
    /** i'mport or our store could not be reached: 5xx, so a resend (if enabled) can succeed. */
    RETRY_LATER
}
