package kr.storefront.payments.core.admin;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * One administrative action on an order or a subscription. Written before the action ({@code outcome}
 * {@code requested}) and rewritten with its outcome after, so an action cut short by a crash still leaves its trace.
 *
 * @param id           unique id of the entry
 * @param subject      what was acted on
 * @param at           when the action began
 * @param principalArn who (the IAM principal ARN)
 * @param requestId    API Gateway's request id, if any
 * @param action       what, e.g. {@code refund}, {@code pause}, {@code cancel}
 * @param detail       the request in words, free of account numbers and buyer contacts (e.g. {@code 9000 won: 파손})
 * @param outcome      {@code requested} until known, then e.g. {@code refunded}, {@code pending}, {@code rejected},
 *                     {@code paused}, {@code failed: <code>}
 */
public record AuditEntry(String id, AuditSubject subject, Instant at, String principalArn, @Nullable String requestId,
                         String action, String detail, String outcome) {

    public static final String REQUESTED = "requested";

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The same entry, now with its outcome. */
    public AuditEntry withOutcome(String finalOutcome) {
        return new AuditEntry(id, subject, at, principalArn, requestId, action, detail, finalOutcome);
    }
}
