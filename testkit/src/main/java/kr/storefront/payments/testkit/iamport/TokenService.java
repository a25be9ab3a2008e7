package kr.storefront.payments.testkit.iamport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Issues and checks access tokens with i'mport's lifetime rules (reference §1.1): 30 minutes; asking
 * again before expiry returns the same token and expiry; asking in its last minute extends it by 5
 * minutes; after expiry a new token. Rotating the key pair refuses the old pair but leaves tokens
 * already issued valid until they expire.
 */
final class TokenService {

    static final long LIFETIME_SECONDS = Duration.ofMinutes(30).toSeconds();
    static final long EXTENSION_WINDOW_SECONDS = Duration.ofMinutes(1).toSeconds();
    static final long EXTENSION_SECONDS = Duration.ofMinutes(5).toSeconds();

    private final SandboxClock clock;
    private final SandboxIds ids;
    private MerchantCredentials credentials;
    private AccessToken current;
    private final Map<String, Long> expiryByToken = new HashMap<>();

    TokenService(MerchantCredentials credentials, SandboxClock clock, SandboxIds ids) {
        this.credentials = credentials;
        this.clock = clock;
        this.ids = ids;
    }

    synchronized MerchantCredentials credentials() {
        return credentials;
    }

    synchronized void rotate(String impKey, String impSecret) {
        credentials = credentials.withKeyPair(impKey, impSecret);
        current = null;
    }

    /** Empty when the key pair is wrong. */
    synchronized Optional<AccessToken> issue(String impKey, String impSecret) {
        if (!matches(impKey, credentials.impKey()) || !matches(impSecret, credentials.impSecret())) {
            return Optional.empty();
        }
        long now = clock.epochSecond();
        if (current == null || now >= current.expiredAt()) {
            current = new AccessToken(ids.accessToken(), now + LIFETIME_SECONDS);
        } else if (current.expiredAt() - now <= EXTENSION_WINDOW_SECONDS) {
            current = current.extendedBy(EXTENSION_SECONDS);
        }
        expiryByToken.put(current.value(), current.expiredAt());
        return Optional.of(current);
    }

    synchronized boolean isValid(String token) {
        Long expiredAt = expiryByToken.get(token);
        return expiredAt != null && clock.epochSecond() < expiredAt;
    }

    synchronized void expireAll() {
        expiryByToken.clear();
        current = null;
    }

    private static boolean matches(String given, String expected) {
        return given != null && MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
