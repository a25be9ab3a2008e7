package kr.storefront.payments.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kr.storefront.payments.core.idempotency.IdempotencyRecord;
import kr.storefront.payments.core.idempotency.IdempotencyStore;
import kr.storefront.payments.core.testing.contract.IdempotencyStoreContract;
import org.junit.jupiter.api.Test;

/** The {@link IdempotencyStoreContract} on the fake, and its TTL sweep. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    @Override
    protected IdempotencyStore newStore(Clock clock) {
        return new InMemoryIdempotencyStore(clock);
    }

    @Test
    void removeExpired_deletesOnlyRecordsPastTheirExpiry() {
        Instant now = Instant.parse("2026-05-01T00:00:00Z");
        MutableClock clock = MutableClock.startingAt(now);
        InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock);
        store.claim(new IdempotencyRecord("s", "short", "h", "r1", now, now.plusSeconds(10)));
        store.claim(new IdempotencyRecord("s", "long", "h", "r2", now, now.plus(Duration.ofDays(1))));
        clock.advance(Duration.ofSeconds(11));

        store.removeExpired();

        assertThat(store.all()).extracting(IdempotencyRecord::key).containsExactly("long");
    }
}
