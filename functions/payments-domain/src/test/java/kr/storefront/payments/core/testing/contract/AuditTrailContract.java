package kr.storefront.payments.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import kr.storefront.payments.core.admin.AuditEntry;
import kr.storefront.payments.core.admin.AuditSubject;
import kr.storefront.payments.core.admin.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditTrail} must do: run against the real trail (its IT) and the fake (its test). */
public abstract class AuditTrailContract {

    private AuditTrail trail;

    /** A trail with nothing recorded. */
    protected abstract AuditTrail newTrail();

    @BeforeEach
    void setUp() {
        trail = newTrail();
    }

    @Test
    void forOrder_listsThatOrdersEntries_oldestFirst_withEveryField() {
        String order = StoreSamples.uid("ord_");
        AuditEntry later = entry(AuditSubject.order(order), 5, "refund");
        AuditEntry first = new AuditEntry(StoreSamples.uid("aud_"), AuditSubject.order(order), StoreSamples.NOW,
                "arn:aws:iam::123456789012:user/admin", "req-1", "refund", "9000 won: 파손", "refunded: 9000 won");
        trail.record(later);
        trail.record(first);
        trail.record(entry(AuditSubject.order(StoreSamples.uid("ord_")), 0, "refund"));

        assertThat(trail.forOrder(order)).containsExactly(first, later);
    }

    @Test
    void record_ofTheSameId_replacesTheEntry_itsOutcomeOnceKnown() {
        String order = StoreSamples.uid("ord_");
        AuditEntry requested = entry(AuditSubject.order(order), 0, "refund");

        trail.record(requested);
        trail.record(requested.withOutcome("refunded: 1000 won"));

        assertThat(trail.forOrder(order)).extracting(AuditEntry::outcome).containsExactly("refunded: 1000 won");
    }

    @Test
    void forSubscriptionsOf_listsEveryEntryOfThatCustomersSubscriptions_byTime_andNoOrders() {
        String customer = StoreSamples.uid("cus_");
        AuditEntry pauseB = entry(AuditSubject.subscription(customer, "sub_b"), 1, "pause");
        AuditEntry pauseA = entry(AuditSubject.subscription(customer, "sub_a"), 2, "pause");
        AuditEntry resumeB = entry(AuditSubject.subscription(customer, "sub_b"), 3, "resume");
        trail.record(resumeB);
        trail.record(pauseA);
        trail.record(pauseB);
        trail.record(entry(AuditSubject.subscription(StoreSamples.uid("cus_"), "sub_a"), 0, "pause"));

        assertThat(trail.forSubscriptionsOf(customer)).containsExactly(pauseB, pauseA, resumeB);
        assertThat(trail.forOrder("sub_a")).isEmpty();
    }

    @Test
    void forProduct_andForPlan_listThatItemsEntries_byTime_notThoseOfAnItemWhoseIdItPrefixes() {
        String sku = StoreSamples.uid("MUG");
        AuditEntry created = entry(AuditSubject.product(sku), 1, "upsert");
        AuditEntry repriced = entry(AuditSubject.product(sku), 2, "upsert");
        AuditEntry plan = entry(AuditSubject.plan(sku), 3, "upsert");
        trail.record(repriced);
        trail.record(created);
        trail.record(plan);
        trail.record(entry(AuditSubject.product(sku + "-2"), 0, "upsert"));

        assertThat(trail.forProduct(sku)).containsExactly(created, repriced);
        assertThat(trail.forPlan(sku)).containsExactly(plan);
        assertThat(trail.forOrder(sku)).isEmpty();
    }

    private static AuditEntry entry(AuditSubject subject, int seconds, String action) {
        return new AuditEntry(StoreSamples.uid("aud_"), subject, StoreSamples.NOW.plusSeconds(seconds),
                "arn:aws:sts::123456789012:assumed-role/ops/alice", null, action, action, AuditEntry.REQUESTED);
    }
}
