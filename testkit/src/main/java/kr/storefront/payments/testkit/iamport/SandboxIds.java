package kr.storefront.payments.testkit.iamport;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Identifiers in i'mport's formats, plus the sandbox's own window-session ids. One counter feeds the
 * sequential ones, so imp_uids sort by creation and are never reused, even across {@code reset()}.
 */
final class SandboxIds {

    private static final long FIRST_IMP_UID = 100_000_000_000L; // "imp_" + 12 digits

    private final AtomicLong sequence = new AtomicLong(FIRST_IMP_UID);
    private final SecureRandom random = new SecureRandom();

    String impUid() {
        return "imp_" + sequence.incrementAndGet();
    }

    String pgTid() {
        return "sandbox_tid_" + sequence.incrementAndGet();
    }

    String cancellationId() {
        return "sandbox_cancel_" + sequence.incrementAndGet();
    }

    /** Card approval number, 8 digits. */
    String applyNum() {
        return String.format("%08d", sequence.incrementAndGet() % 100_000_000L);
    }

    /** Virtual account number with dashes, as some banks print it. */
    String vbankNum() {
        long n = sequence.incrementAndGet();
        return String.format("%03d-%06d-%05d", n % 1000, n / 1000 % 1_000_000, n % 100_000);
    }

    /** Unguessable, like a real token: a test must not be able to forge one. */
    String accessToken() {
        return randomHex(20);
    }

    /** A browser checkout window's id: unguessable, since its URL is all a page needs to complete it. */
    String windowSession() {
        return "win_" + randomHex(16);
    }

    private String randomHex(int byteCount) {
        byte[] bytes = new byte[byteCount];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
