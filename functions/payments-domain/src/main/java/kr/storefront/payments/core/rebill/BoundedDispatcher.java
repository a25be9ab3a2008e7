package kr.storefront.payments.core.rebill;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a run's work with at most {@code concurrency} tasks at once (each holds one i'mport call at a
 * time), and takes no new task once {@code stopAt} has passed. {@link #offer} blocks while every slot
 * is busy, so pages are read only as fast as they are worked off.
 */
final class BoundedDispatcher implements AutoCloseable {

    private final int concurrency;
    private final Semaphore slots;
    private final ExecutorService workers;
    private final Instant stopAt;
    private final Clock clock;

    BoundedDispatcher(int concurrency, Instant stopAt, Clock clock) {
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
        this.workers = Executors.newFixedThreadPool(concurrency, new WorkerThreads());
        this.stopAt = stopAt;
        this.clock = clock;
    }

    /**
     * Starts {@code task} as soon as a slot is free.
     *
     * @return false, without running it, once the time budget is spent
     */
    boolean offer(Runnable task) {
        if (budgetSpent()) {
            return false;
        }
        slots.acquireUninterruptibly();
        if (budgetSpent()) {
            slots.release();
            return false;
        }
        workers.execute(() -> {
            try {
                task.run();
            } finally {
                slots.release();
            }
        });
        return true;
    }

    /** Waits until every started task has finished. */
    void awaitIdle() {
        slots.acquireUninterruptibly(concurrency);
        slots.release(concurrency);
    }

    @Override
    public void close() {
        awaitIdle();
        workers.shutdown();
    }

    private boolean budgetSpent() {
        return !clock.instant().isBefore(stopAt);
    }

    /** Daemon threads, so a stuck call can never keep the JVM alive after the run returned. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "rebill-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
