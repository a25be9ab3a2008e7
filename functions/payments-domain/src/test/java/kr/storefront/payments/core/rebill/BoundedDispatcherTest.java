package kr.storefront.payments.core.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.storefront.payments.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** At most {@code concurrency} tasks at once, none started once the budget is spent. */
class BoundedDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final MutableClock clock = MutableClock.startingAt(NOW);

    @Test
    void budgetSpent_takesNoTask() {
        AtomicBoolean ran = new AtomicBoolean();
        try (BoundedDispatcher dispatcher = new BoundedDispatcher(2, NOW, clock)) {
            assertThat(dispatcher.offer(() -> ran.set(true))).isFalse();
        }
        assertThat(ran).isFalse();
    }

    @Test
    void budgetSpentWhileWaitingForASlot_takesNoTask() {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (BoundedDispatcher dispatcher = new BoundedDispatcher(1, NOW.plus(Duration.ofMinutes(1)), clock)) {
            assertThat(dispatcher.offer(() -> {
                ran.add("first");
                clock.advance(Duration.ofMinutes(1));
            })).isTrue();
            assertThat(dispatcher.offer(() -> ran.add("second"))).isFalse();
        }
        assertThat(ran).containsExactly("first");
    }

    @Test
    void allSlotsBusy_offerWaitsForOne_onDaemonWorkers() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<Boolean> daemon = new CopyOnWriteArrayList<>();
        AtomicBoolean thirdRan = new AtomicBoolean();
        try (BoundedDispatcher dispatcher = new BoundedDispatcher(2, NOW.plus(Duration.ofMinutes(1)), clock)) {
            Runnable blocked = () -> {
                daemon.add(Thread.currentThread().isDaemon());
                awaitQuietly(release);
            };
            dispatcher.offer(blocked);
            dispatcher.offer(blocked);
            Thread offering = new Thread(() -> dispatcher.offer(() -> thirdRan.set(true)));
            offering.start();
            // wait (without sleeping) until the third offer is parked on the full dispatcher
            while (offering.getState() != Thread.State.WAITING && offering.getState() != Thread.State.TERMINATED) {
                Thread.onSpinWait();
            }
            assertThat(offering.getState()).isEqualTo(Thread.State.WAITING);
            assertThat(thirdRan).isFalse();

            release.countDown();
            offering.join();
            dispatcher.awaitIdle();
        }
        assertThat(thirdRan).isTrue();
        assertThat(daemon).containsExactly(true, true);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
