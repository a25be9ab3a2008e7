package kr.storefront.payments.core.testing.contract;

import static kr.storefront.payments.core.testing.contract.StoreSamples.NOW;
import static kr.storefront.payments.core.testing.contract.StoreSamples.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.SubscriptionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SubscriptionStore} must do: run against the real store (its IT) and the fake (its test). */
public abstract class SubscriptionStoreContract {

    private SubscriptionStore store;

    /** A store with nothing in it. */
    protected abstract SubscriptionStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void insert_thenFind_roundTrips() {
        Subscription subscription = subscription("cust-a", "sub1", NOW);

        store.insert(subscription);

        assertThat(store.find("cust-a", "sub1")).get().usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(subscription);
    }

    @Test
    void findDue_returnsBillableSubscriptionsDueAtOrBeforeNow_earliestFirst_acrossPages() {
        store.insert(subscription("cust-a", "due-early", NOW.minusSeconds(3600)));
        store.insert(subscription("cust-b", "due-exact", NOW));
        store.insert(subscription("cust-c", "due-mid", NOW.minusSeconds(60)));
        store.insert(subscription("cust-a", "not-due", NOW.plusSeconds(1)));
        Subscription cancelled = store.insert(subscription("cust-d", "cancelled", NOW.minusSeconds(10))).current().orElseThrow();
        store.update(cancelled(cancelled));

        List<String> due = new ArrayList<>();
        String cursor = null;
        do {
            Page<Subscription> page = store.findDue(NOW, cursor, 2);
            page.items().forEach(s -> due.add(s.id()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(due).containsExactly("due-early", "due-mid", "due-exact");
    }

    @Test
    void findAll_returnsTheStoredOnesAtTheirCurrentVersion_andLeavesOutTheMissing() {
        store.insert(subscription("cust-a", "batch-1", NOW));
        Subscription second = store.insert(subscription("cust-b", "batch-2", NOW)).current().orElseThrow();
        store.update(cancelled(second));

        List<Subscription> found = store.findAll(List.of(new SubscriptionStore.Key("cust-a", "batch-1"),
                new SubscriptionStore.Key("cust-b", "batch-2"), new SubscriptionStore.Key("cust-a", "batch-2"),
                new SubscriptionStore.Key("cust-c", "missing")));

        assertThat(found).extracting(Subscription::id).containsExactlyInAnyOrder("batch-1", "batch-2");
        assertThat(found).filteredOn(s -> s.id().equals("batch-2")).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED));
        assertThat(store.findAll(List.of())).isEmpty();
    }

    @Test
    void update_concurrentChangesFromOneVersion_onlyFirstApplies() {
        Subscription read = store.insert(subscription("cust-a", "sub2", NOW)).current().orElseThrow();

        assertThat(store.update(cancelled(read)).applied()).isTrue();
        assertThat(store.update(read).applied()).isFalse();
        assertThat(store.find("cust-a", "sub2").orElseThrow().status()).isEqualTo(SubscriptionStatus.CANCELLED);
    }

    @Test
    void listByCustomer_returnsSubscriptionsButNotOtherItemsOfThePartition() {
        store.insert(subscription("cust-a", "s1", NOW));
        store.insert(subscription("cust-a", "s2", NOW));
        store.insert(subscription("cust-b", "s3", NOW));

        assertThat(store.listByCustomer("cust-a", null, 10).items()).extracting(Subscription::id).containsExactly("s1", "s2");
    }

    private static Subscription cancelled(Subscription s) {
        return new Subscription(s.id(), s.customerId(), s.customerUid(), s.planId(), s.name(), s.amount(), s.currency(),
                s.interval(), s.anchorAt(), s.period(), null, SubscriptionStatus.CANCELLED, s.failedAttempts(), false,
                s.createdAt(), Instant.now(), s.version());
    }
}
