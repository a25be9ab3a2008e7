package kr.storefront.payments.core.testing;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import kr.storefront.payments.core.store.StoreUnavailableException;

/**
 * Fault injection for one in-memory store: makes calls throw {@link StoreUnavailableException} as the real store does
 * when the table cannot be reached. A fault armed "before" fails the call with nothing written; a fault armed "after
 * writing" lets a write take effect and then fails it, as a timeout after DynamoDB committed would (the caller cannot
 * tell which happened, and must re-read).
 *
 * <p>Operations are named by the port's method names ({@code insert}, {@code update}, {@code find}, {@code begin}...);
 * an unknown name is refused at once, so a typo cannot leave a test silently fault-free.
 */
public final class StoreFaults {

    /** Matches every operation of the store. */
    public static final String ANY = "*";

    private record Fault(String operation, boolean afterWriting) { }

    private final String storeName;
    private final Class<?> port;
    private final Deque<Fault> armed = new ArrayDeque<>();
    private boolean down;

    StoreFaults(String storeName, Class<?> port) {
        this.storeName = storeName;
        this.port = port;
    }

    /** The next call of any operation fails before doing anything. */
    public synchronized StoreFaults failNextCall() {
        return failNextCall(ANY);
    }

    /** The next call of {@code operation} fails before doing anything; other operations are unaffected. */
    public synchronized StoreFaults failNextCall(String operation) {
        armed.add(new Fault(known(operation), false));
        return this;
    }

    /** The next write of {@code operation} is applied, then fails (reads ignore this fault). */
    public synchronized StoreFaults failNextCallAfterWriting(String operation) {
        armed.add(new Fault(known(operation), true));
        return this;
    }

    /** Every call fails, before doing anything, until {@link #recover()}. */
    public synchronized StoreFaults failAllCalls() {
        down = true;
        return this;
    }

    /** Disarms every fault. */
    public synchronized StoreFaults recover() {
        down = false;
        armed.clear();
        return this;
    }

    /** Called by the fakes at the start of every operation. */
    synchronized void beforeCall(String operation) {
        if (down || take(operation, false)) {
            throw unavailable(operation, "cannot reach the table");
        }
    }

    /** Called by the fakes once a write took effect. */
    synchronized void afterWrite(String operation) {
        if (take(operation, true)) {
            throw unavailable(operation, "timed out after the write was applied");
        }
    }

    private boolean take(String operation, boolean afterWriting) {
        for (Fault fault : armed) {
            if (fault.afterWriting() == afterWriting && (fault.operation().equals(ANY) || fault.operation().equals(operation))) {
                armed.remove(fault);
                return true;
            }
        }
        return false;
    }

    private StoreUnavailableException unavailable(String operation, String what) {
        return new StoreUnavailableException("injected fault: " + storeName + "." + operation + " " + what, null);
    }

    private String known(String operation) {
        Objects.requireNonNull(operation, "operation");
        if (!operation.equals(ANY) && Arrays.stream(port.getMethods()).noneMatch(method -> method.getName().equals(operation))) {
            throw new IllegalArgumentException(port.getSimpleName() + " has no operation " + operation);
        }
        return operation;
    }
}
