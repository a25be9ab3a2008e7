package kr.storefront.payments.core.admin;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import kr.storefront.payments.core.idempotency.IdGenerator;
import kr.storefront.payments.core.refund.RefundRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an administrative action between two audit writes: {@code requested} before (if that write fails, nothing is
 * done), the outcome after. A failure of the second write is logged, not answered: the action happened, and the
 * entry still names who asked and the request id.
 */
@Singleton
public class AdminAudit {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAudit.class);

    private final AuditTrail trail;
    private final IdGenerator ids;
    private final Clock clock;

    AdminAudit(AuditTrail trail, IdGenerator ids, Clock clock) {
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @param detail  the request in words; must not carry account numbers or buyer contacts
     * @param outcome names the action's result for the entry
     */
    public <T> T run(AdminActor actor, AuditSubject subject, String action, String detail, Supplier<T> act,
                     Function<T, String> outcome) {
        AuditEntry entry = new AuditEntry(ids.newId("aud_", 16), subject, clock.instant(), actor.principalArn(), actor.requestId(),
                action, detail, AuditEntry.REQUESTED);
        trail.record(entry);
        T result;
        try {
            result = act.get();
        } catch (RuntimeException e) {
            settle(entry.withOutcome("failed: " + failure(e)));
            throw e;
        }
        settle(entry.withOutcome(outcome.apply(result)));
        return result;
    }

    private void settle(AuditEntry entry) {
        try {
            trail.record(entry);
        } catch (RuntimeException e) {
            LOG.warn("audit entry {} ({} by {}) keeps outcome 'requested': its outcome '{}' could not be written", entry.id(),
                    entry.action(), entry.principalArn(), entry.outcome(), e);
        }
    }

    private static String failure(RuntimeException e) {
        if (e instanceof RefundRefusedException refused) {
            return refused.reason().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (e instanceof SubscriptionActionRefusedException refused) {
            return refused.reason().name().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getClass().getSimpleName();
    }
}
