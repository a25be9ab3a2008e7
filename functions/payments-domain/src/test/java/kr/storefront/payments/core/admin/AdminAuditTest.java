package kr.storefront.payments.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.storefront.payments.core.refund.RefundRefusedException;
import kr.storefront.payments.core.store.StoreUnavailableException;
import kr.storefront.payments.core.testing.InMemoryAuditTrail;
import kr.storefront.payments.core.testing.MutableClock;
import kr.storefront.payments.core.testing.SequentialIdGenerator;
import org.junit.jupiter.api.Test;

class AdminAuditTest {

    private static final AdminActor ADMIN = new AdminActor("arn:aws:iam::123456789012:role/ops", "req-1");
    private static final AuditSubject ORDER = AuditSubject.order("ord_audit_1");

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-12-01T03:00:00Z"));
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final AdminAudit audit = new AdminAudit(trail, new SequentialIdGenerator(), clock);

    @Test
    void anAction_isRecordedWithWhoWhatWhenAndItsOutcome() {
        String result = audit.run(ADMIN, ORDER, "refund", "3000 won: 파손", () -> "rfd_1", r -> "refunded: " + r);

        assertThat(result).isEqualTo("rfd_1");
        assertThat(trail.forOrder("ord_audit_1")).singleElement().satisfies(entry -> {
            assertThat(entry.principalArn()).isEqualTo(ADMIN.principalArn());
            assertThat(entry.requestId()).isEqualTo("req-1");
            assertThat(entry.action()).isEqualTo("refund");
            assertThat(entry.detail()).isEqualTo("3000 won: 파손");
            assertThat(entry.at()).isEqualTo(clock.instant());
            assertThat(entry.outcome()).isEqualTo("refunded: rfd_1");
        });
    }

    @Test
    void anActionThatIsRefused_isRecordedAsFailedWithTheRefusalsCode_andTheRefusalStillReachesTheCaller() {
        assertThatThrownBy(() -> audit.run(ADMIN, ORDER, "refund", "all that is left: r", () -> {
            throw new RefundRefusedException(RefundRefusedException.Reason.REFUND_PENDING, "another refund is pending");
        }, r -> "never")).isInstanceOf(RefundRefusedException.class);

        assertThat(trail.forOrder("ord_audit_1")).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo("failed: refund_pending"));
    }

    @Test
    void whenTheFirstWriteFails_theActionIsNotDone() {
        AtomicBoolean done = new AtomicBoolean();
        trail.faults().failNextCall("record");

        assertThatThrownBy(() -> audit.run(ADMIN, ORDER, "refund", "r", () -> done.getAndSet(true), r -> "refunded"))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(done).as("no action without its audit entry").isFalse();
        assertThat(trail.forOrder("ord_audit_1")).isEmpty();
    }

    @Test
    void whenTheOutcomeCannotBeWritten_theActionsResultIsStillAnswered_andTheEntryStaysRequested() {
        String result = audit.run(ADMIN, ORDER, "refund", "r", () -> {
            trail.faults().failNextCall("record"); // the write after the action
            return "rfd_2";
        }, r -> "refunded: " + r);

        assertThat(result).isEqualTo("rfd_2");
        assertThat(trail.forOrder("ord_audit_1")).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(AuditEntry.REQUESTED));
    }
}
