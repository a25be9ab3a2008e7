package kr.storefront.payments.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kr.storefront.payments.core.idempotency.IdempotencyRecord;
import kr.storefront.payments.core.idempotency.IdempotencyStore;
import kr.storefront.payments.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} must do: run against the real store (its IT) and the fake (its test). */
public abstract class IdempotencyStoreContract {

    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    private final MutableClock clock = MutableClock.startingAt(NOW);
    private IdempotencyStore store;

    /** An empty store judging expiry by {@code clock}. */
    protected abstract IdempotencyStore newStore(Clock clock);

    @BeforeEach
    void setUp() {
        store = newStore(clock);
    }

    @Test
    void claim_firstTime_isOurs_andASecondClaimGetsTheFirstRecord() {
        assertThat(store.claim(record("key-1", "hash-a", "ord_first", NOW))).isEmpty();
        var second = store.claim(record("key-1", "hash-b", "ord_second", NOW));

        assertThat(second).get().satisfies(first -> {
            assertThat(first.resourceId()).isEqualTo("ord_first");
            assertThat(first.sameRequest("hash-a")).isTrue();
            assertThat(first.sameRequest("hash-b")).isFalse();
        });
    }

    @Test
    void claim_sameKeyInAnotherScope_isIndependent() {
        store.claim(record("key-1", "h", "ord_a", NOW));

        assertThat(store.claim(new IdempotencyRecord("orders:other-customer", "key-1", "h", "ord_b", NOW, NOW.plusSeconds(60))))
                .isEmpty();
    }

    @Test
    void claim_afterTheKeyExpired_canBeMadeAgain_evenBeforeTtlRemovesIt() {
        store.claim(record("key-2", "h", "ord_old", NOW));
        Instant later = NOW.plus(Duration.ofHours(25));
        clock.set(later);

        assertThat(store.claim(record("key-2", "h2", "ord_new", later))).isEmpty();
        assertThat(store.claim(record("key-2", "h3", "ord_newer", later))).get()
                .extracting(IdempotencyRecord::resourceId).isEqualTo("ord_new");
    }

    @Test
    void claim_withinTheSecondTheKeyExpires_isStillRefused() {
        store.claim(record("key-3", "h", "ord_first", NOW));
        // expiry is compared in whole seconds: expires_at < now's second
        clock.set(NOW.plus(Duration.ofHours(24)).plusMillis(999));

        assertThat(store.claim(record("key-3", "h2", "ord_second", clock.instant()))).get()
                .extracting(IdempotencyRecord::resourceId).isEqualTo("ord_first");
    }

    private static IdempotencyRecord record(String key, String hash, String resource, Instant at) {
        return new IdempotencyRecord("orders:guest", key, hash, resource, at, at.plus(Duration.ofHours(24)));
    }
}
