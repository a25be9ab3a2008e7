package kr.storefront.payments.core.idempotency;

import jakarta.inject.Singleton;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * {@link IdGenerator} on the operating system's random source.
 *
 * <p>{@code NativePRNGNonBlocking} reads {@code /dev/urandom} on every call, so copies of a
 * SnapStart snapshot never repeat each other's ids, unlike a seeded generator captured in the snapshot.
 */
@Singleton
final class SecureIdGenerator implements IdGenerator {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecureRandom random;

    SecureIdGenerator() {
        SecureRandom source;
        try {
            source = SecureRandom.getInstance("NativePRNGNonBlocking");
        } catch (NoSuchAlgorithmException e) {
            source = new SecureRandom();
        }
        this.random = source;
    }

    @Override
    public String newId(String prefix, int randomChars) {
        byte[] bytes = new byte[randomChars];
        random.nextBytes(bytes);
        StringBuilder id = new StringBuilder(prefix.length() + randomChars).append(prefix);
        for (byte b : bytes) {
            id.append(BASE32[b & 31]);
        }
        return id.toString();
    }
}
