package kr.storefront.payments.core.testing.contract;

import static kr.storefront.payments.core.testing.contract.StoreSamples.NOW;
import static kr.storefront.payments.core.testing.contract.StoreSamples.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.CardSummary;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.InvalidCursorException;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.WriteResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BillingKeyStore} must do: run against the real store (its IT) and the fake (its test). */
public abstract class BillingKeyStoreContract {

    private BillingKeyStore store;

    /** A store with nothing in it. */
    protected abstract BillingKeyStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void pendingThenActive_storesTheMaskedCard() {
        BillingKey key = store.insert(BillingKey.pending("cust-a", uid("cuid_"), Pg.KAKAOPAY, NOW)).current().orElseThrow();

        WriteResult<BillingKey> activated = store.update(key.transitionTo(BillingKeyStatus.ACTIVE,
                new CardSummary("361", "BC카드", "910020******1234", 0), NOW.plusSeconds(30)));

        assertThat(activated.applied()).isTrue();
        BillingKey stored = store.find("cust-a", key.customerUid()).orElseThrow();
        assertThat(stored.status()).isEqualTo(BillingKeyStatus.ACTIVE);
        assertThat(stored.card().cardName()).isEqualTo("BC카드");
        assertThat(stored.pg()).isEqualTo(Pg.KAKAOPAY);
    }

    @Test
    void activateTwiceFromTheSameVersion_secondIsRejected() {
        BillingKey key = store.insert(BillingKey.pending("cust-a", uid("cuid_"), Pg.TOSSPAYMENTS, NOW)).current().orElseThrow();
        BillingKey activated = key.transitionTo(BillingKeyStatus.ACTIVE, null, NOW);

        assertThat(store.update(activated).applied()).isTrue();
        assertThat(store.update(activated).applied()).isFalse();
        assertThat(store.find("cust-a", key.customerUid()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void insert_sameCustomerUidTwice_isAConflict() {
        String customerUid = uid("cuid_");
        store.insert(BillingKey.pending("cust-a", customerUid, Pg.PAYCO, NOW));

        assertThat(store.insert(BillingKey.pending("cust-a", customerUid, Pg.PAYCO, NOW)).applied()).isFalse();
    }

    @Test
    void findAll_readsEachCustomersKey_andLeavesOutTheMissingAndOtherCustomers() {
        String first = uid("cuid_");
        String second = uid("cuid_");
        store.insert(BillingKey.pending("cust-a", first, Pg.PAYCO, NOW));
        BillingKey pending = store.insert(BillingKey.pending("cust-b", second, Pg.TOSSPAYMENTS, NOW)).current().orElseThrow();
        store.update(pending.transitionTo(BillingKeyStatus.ACTIVE, null, NOW));

        List<BillingKey> found = store.findAll(List.of(new BillingKeyStore.Key("cust-a", first), new BillingKeyStore.Key("cust-b", second),
                new BillingKeyStore.Key("cust-a", second), new BillingKeyStore.Key("cust-c", uid("cuid_"))));

        assertThat(found).extracting(BillingKey::customerUid).containsExactlyInAnyOrder(first, second);
        assertThat(found).filteredOn(key -> key.customerUid().equals(second)).singleElement()
                .satisfies(key -> assertThat(key.status()).isEqualTo(BillingKeyStatus.ACTIVE));
        assertThat(store.findAll(List.of())).isEmpty();
    }

    @Test
    void find_underAnotherCustomer_findsNothing() {
        String customerUid = uid("cuid_");
        store.insert(BillingKey.pending("cust-a", customerUid, Pg.PAYCO, NOW));

        assertThat(store.find("cust-b", customerUid)).isEmpty();
    }

    @Test
    void listByCustomer_pagesThroughOnlyThatCustomersKeys() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(store.insert(BillingKey.pending("cust-a", "cuid_a" + i, Pg.TOSSPAYMENTS, NOW)).current().orElseThrow().customerUid());
        }
        store.insert(BillingKey.pending("cust-b", "cuid_b0", Pg.TOSSPAYMENTS, NOW));

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            Page<BillingKey> page = store.listByCustomer("cust-a", cursor, 2);
            page.items().forEach(key -> listed.add(key.customerUid()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(listed).containsExactlyElementsOf(mine);
    }

    @Test
    void listByCustomer_withAnotherCustomersCursor_isRefused() {
        for (int i = 0; i < 3; i++) {
            store.insert(BillingKey.pending("cust-b", "cuid_b" + i, Pg.TOSSPAYMENTS, NOW));
        }
        String cursorOfB = store.listByCustomer("cust-b", null, 1).nextCursor();

        assertThat(cursorOfB).isNotNull();
        assertThatThrownBy(() -> store.listByCustomer("cust-a", cursorOfB, 1)).isInstanceOf(InvalidCursorException.class);
    }
}
