package kr.storefront.payments.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reservations: a fresh id for a new request, the first one's id for a retry, and no store read for a fresh id. */
class IdempotencyTest {

    private final Map<String, IdempotencyRecord> claims = new HashMap<>();
    private final IdempotencyStore store = record -> {
        IdempotencyRecord first = claims.putIfAbsent(record.scope() + "/" + record.key(), record);
        return Optional.ofNullable(first);
    };
    private final Idempotency idempotency = new Idempotency(store, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger storeReads = new AtomicInteger();

    @Test
    void aNewKey_reservesAFreshId_whoseResourceIsNeverLookedUp() {
        Idempotency.Reservation reservation = idempotency.reserve("orders:c1", "key-1", "cart=A", this::nextId);

        assertThat(reservation).isEqualTo(new Idempotency.Reservation("id-1", true));
        assertThat(reservation.existing(this::find)).isEmpty();
        assertThat(storeReads).hasValue(0);
    }

    @Test
    void aRetry_getsTheFirstId_andLooksUpWhatTheFirstAttemptStored() {
        idempotency.reserve("orders:c1", "key-1", "cart=A", this::nextId);

        Idempotency.Reservation retry = idempotency.reserve("orders:c1", "key-1", "cart=A", this::nextId);

        assertThat(retry).isEqualTo(new Idempotency.Reservation("id-1", false));
        assertThat(retry.existing(this::find)).contains("order id-1");
        assertThat(storeReads).hasValue(1);
    }

    @Test
    void noKey_isAlwaysANewFreshId() {
        assertThat(idempotency.reserve("orders:guest", null, "cart=A", this::nextId).id()).isEqualTo("id-1");
        assertThat(idempotency.reserve("orders:guest", null, "cart=A", this::nextId))
                .isEqualTo(new Idempotency.Reservation("id-2", true));
        assertThat(claims).isEmpty();
    }

    @Test
    void theSameKeyForAnotherRequest_isRefused() {
        idempotency.reserve("orders:c1", "key-1", "cart=A", this::nextId);

        assertThatThrownBy(() -> idempotency.reserve("orders:c1", "key-1", "cart=B", this::nextId))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    private String nextId() {
        return "id-" + ids.incrementAndGet();
    }

    private Optional<String> find(String id) {
        storeReads.incrementAndGet();
        return Optional.of("order " + id);
    }
}
