package kr.storefront.payments.snapstart;

/**
 * The priming scope of the current thread. SnapStart snapshots the JVM after init; work done in
 * {@code beforeCheckpoint} (class loading, first-use initialisation, interpreter warm-up) is then in
 * every restored copy for free. Inside this scope AWS SDK calls are answered in-process by
 * {@link PrimingHttpClient} (so a secret read gets an empty answer, never the secret) and
 * {@link PrimingCallGate} refuses every i'mport call, so priming exercises our real code paths
 * without a network call and without anything unique ending up in the snapshot.
 */
public final class Priming {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private Priming() {
    }

    /** True while the current thread primes. */
    public static boolean active() {
        return ACTIVE.get();
    }

    /** Runs {@code step} in the priming scope, ignoring whatever it throws: priming never fails a start. */
    public static void attempt(Runnable step) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            step.run();
        } catch (RuntimeException expected) {
            // the in-process answers make many calls fail (no item, no secret): the path was still exercised
        } finally {
            ACTIVE.set(outer);
        }
    }
}
