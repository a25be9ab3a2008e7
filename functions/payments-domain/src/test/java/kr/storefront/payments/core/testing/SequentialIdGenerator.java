package kr.storefront.payments.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kr.storefront.payments.core.idempotency.IdGenerator;

/**
 * Predictable ids for assertions: {@code prefix} followed by a counter, zero-padded to the requested length (so ids
 * have the real lengths: {@code ord_000000000000000000000001}, {@code cuid_...0002}, {@code sub_0000000000000003}).
 * One counter across prefixes, so the n-th id minted is numbered n whatever it is.
 */
public final class SequentialIdGenerator implements IdGenerator {

    private final AtomicInteger counter = new AtomicInteger();
    private final List<String> minted = new ArrayList<>();

    @Override
    public String newId(String prefix, int randomChars) {
        String id = format(prefix, counter.incrementAndGet(), randomChars);
        synchronized (minted) {
            minted.add(id);
        }
        return id;
    }

    /** The id the next {@link #newId} call with these arguments will return (the counter is not moved). */
    public String peek(String prefix, int randomChars) {
        return format(prefix, counter.get() + 1, randomChars);
    }

    /** Every id minted so far, in order. */
    public List<String> minted() {
        synchronized (minted) {
            return List.copyOf(minted);
        }
    }

    private static String format(String prefix, int number, int width) {
        String digits = Integer.toString(number);
        if (digits.length() > width) {
            throw new IllegalStateException("id number " + number + " does not fit in " + width + " characters");
        }
        return prefix + "0".repeat(width - digits.length()) + digits;
    }
}
