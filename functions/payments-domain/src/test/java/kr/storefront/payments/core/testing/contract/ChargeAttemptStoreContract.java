package kr.storefront.payments.core.testing.contract;

import static kr.storefront.payments.core.testing.contract.StoreSamples.NOW;
import static kr.storefront.payments.core.testing.contract.StoreSamples.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.store.ChargeAttemptStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ChargeAttemptStore} must do: run against the real store (its IT) and the fake (its test). */
public abstract class ChargeAttemptStoreContract {

    private ChargeAttemptStore store;
    private final Subscription subscription = subscription("cust-a", "sub9", NOW);

    /** A store with nothing in it. */
    protected abstract ChargeAttemptStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void insert_sameAttemptTwice_secondRunLosesAndSeesTheFirst() {
        ChargeAttempt first = ChargeAttempt.inFlight(subscription, 1, "sub9_p0_a1", NOW);

        assertThat(store.insert(first).applied()).isTrue();
        var second = store.insert(ChargeAttempt.inFlight(subscription, 1, "sub9_p0_a1", NOW.plusSeconds(1)));

        assertThat(second.applied()).isFalse();
        assertThat(second.current()).get().extracting(ChargeAttempt::createdAt).isEqualTo(NOW);
    }

    @Test
    void inFlightThenUnknown_staysUnresolvedUntilReconciledAsPaid() {
        ChargeAttempt attempt = store.insert(ChargeAttempt.inFlight(subscription, 1, "sub9_p0_a1", NOW)).current().orElseThrow();
        ChargeAttempt unknown = store.update(attempt.transitionTo(ChargeAttemptState.UNKNOWN, null, "read timeout", NOW))
                .current().orElseThrow();

        assertThat(store.findUnresolved(null, 10).items()).extracting(ChargeAttempt::merchantUid).containsExactly("sub9_p0_a1");

        store.update(unknown.transitionTo(ChargeAttemptState.PAID, "imp_77", null, NOW.plusSeconds(300)));

        assertThat(store.findUnresolved(null, 10).items()).isEmpty();
        ChargeAttempt paid = store.find("cust-a", "sub9", 0, 1).orElseThrow();
        assertThat(paid.state()).isEqualTo(ChargeAttemptState.PAID);
        assertThat(paid.impUid()).isEqualTo("imp_77");
        assertThat(paid.failReason()).isEqualTo("read timeout");
    }

    @Test
    void resolveTwiceFromTheSameVersion_secondIsRejected() {
        ChargeAttempt attempt = store.insert(ChargeAttempt.inFlight(subscription, 1, "sub9_p0_a1", NOW)).current().orElseThrow();

        assertThat(store.update(attempt.transitionTo(ChargeAttemptState.PAID, "imp_1", null, NOW)).applied()).isTrue();
        assertThat(store.update(attempt.transitionTo(ChargeAttemptState.DECLINED, null, "limit", NOW)).applied()).isFalse();
        assertThat(store.find("cust-a", "sub9", 0, 1).orElseThrow().state()).isEqualTo(ChargeAttemptState.PAID);
    }

    @Test
    void listForPeriod_returnsThatPeriodsAttemptsInOrder() {
        store.insert(ChargeAttempt.inFlight(subscription, 1, "sub9_p0_a1", NOW));
        store.insert(ChargeAttempt.inFlight(subscription, 2, "sub9_p0_a2", NOW));
        Subscription nextPeriod = new Subscription(subscription.id(), subscription.customerId(), subscription.customerUid(),
                subscription.planId(), subscription.name(), subscription.amount(), subscription.currency(), subscription.interval(),
                subscription.anchorAt(), 1, subscription.nextChargeAt(), subscription.status(), 0, false, NOW, NOW, 0);
        store.insert(ChargeAttempt.inFlight(nextPeriod, 1, "sub9_p1_a1", NOW));

        assertThat(store.listForPeriod("cust-a", "sub9", 0)).extracting(ChargeAttempt::merchantUid)
                .containsExactly("sub9_p0_a1", "sub9_p0_a2");
    }
}
