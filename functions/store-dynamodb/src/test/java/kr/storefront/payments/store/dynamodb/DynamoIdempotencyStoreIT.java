package kr.storefront.payments.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import kr.storefront.payments.core.idempotency.IdempotencyRecord;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class DynamoIdempotencyStoreIT {

    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    private DynamoTable table;

    @BeforeEach
    void setUp(AwsEmulator emulator) {
        table = StoreFixtures.freshTable(emulator);
    }

    @Test
    void claim_firstTime_isOurs_andASecondClaimGetsTheFirstRecord() {
        DynamoIdempotencyStore store = new DynamoIdempotencyStore(table, Clock.fixed(NOW, ZoneOffset.UTC));

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
        DynamoIdempotencyStore store = new DynamoIdempotencyStore(table, Clock.fixed(NOW, ZoneOffset.UTC));
        store.claim(record("key-1", "h", "ord_a", NOW));

        assertThat(store.claim(new IdempotencyRecord("orders:other-customer", "key-1", "h", "ord_b", NOW, NOW.plusSeconds(60))))
                .isEmpty();
    }

    @Test
    void claim_afterTheKeyExpired_canBeMadeAgain_evenBeforeTtlRemovesIt() {
        new DynamoIdempotencyStore(table, Clock.fixed(NOW, ZoneOffset.UTC)).claim(record("key-2", "h", "ord_old", NOW));
        Instant later = NOW.plus(Duration.ofHours(25));
        DynamoIdempotencyStore tomorrow = new DynamoIdempotencyStore(table, Clock.fixed(later, ZoneOffset.UTC));

        assertThat(tomorrow.claim(record("key-2", "h2", "ord_new", later))).isEmpty();
        assertThat(tomorrow.claim(record("key-2", "h3", "ord_newer", later))).get()
                .extracting(IdempotencyRecord::resourceId).isEqualTo("ord_new");
    }

    private static IdempotencyRecord record(String key, String hash, String resource, Instant at) {
        return new IdempotencyRecord("orders:guest", key, hash, resource, at, at.plus(Duration.ofHours(24)));
    }
}
