package kr.storefront.payments.iamport.client;

import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.iamport.IamportAuthenticationException;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.secrets.IamportCredentials;
import kr.storefront.payments.core.secrets.IamportCredentialsProvider;
import kr.storefront.payments.iamport.client.IamportExchange.CallKind;

/**
 * Keeps one i'mport access token per container.
 *
 * <p>A token lives 30 minutes. Its expiry is taken from i'mport's own {@code expired_at - now},
 * applied to our clock at the moment of receipt, so a skewed local clock does not matter; it is
 * replaced {@code iamport.token-refresh-margin} before then. When i'mport answers 401 anyway
 * (revoked, expired in flight), {@link #invalidate} drops it and the next call fetches a new one.
 */
@Singleton
final class AccessTokenCache {

    private static final Argument<Envelope<WirePayloads.Token>> TOKEN_ENVELOPE =
            Envelope.of(WirePayloads.Token.class);

    private final IamportExchange http;
    private final IamportCredentialsProvider credentials;
    private final IamportConfiguration configuration;
    private final Clock clock;

    private record CachedToken(String value, Instant refreshAt) { }

    private volatile CachedToken cached;

    AccessTokenCache(IamportExchange http, IamportCredentialsProvider credentials, IamportConfiguration configuration,
                     Clock clock) {
        this.http = http;
        this.credentials = credentials;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * Returns a token valid for a while yet, fetching one when needed.
     *
     * @throws IamportUnavailableException    (never "sent") when no token could be obtained
     * @throws IamportAuthenticationException when i'mport rejects the credentials even after re-reading the secret
     */
    String token() {
        CachedToken snapshot = cached;
        if (snapshot != null && clock.instant().isBefore(snapshot.refreshAt())) {
            return snapshot.value();
        }
        synchronized (this) {
            snapshot = cached;
            if (snapshot == null || !clock.instant().isBefore(snapshot.refreshAt())) {
                snapshot = fetch();
                cached = snapshot;
            }
            return snapshot.value();
        }
    }

    /** Drops the token i'mport just refused, unless another thread already replaced it. */
    synchronized void invalidate(String rejectedToken) {
        if (cached != null && cached.value().equals(rejectedToken)) {
            cached = null;
        }
    }

    private CachedToken fetch() {
        IamportAnswer<WirePayloads.Token> response = requestToken(credentials.current());
        if (response.status() == 401) {
            // the secret may have been rotated since we cached it: read it again, once
            credentials.invalidate();
            response = requestToken(credentials.current());
            if (response.status() == 401) {
                throw new IamportAuthenticationException("i'mport rejected imp_key/imp_secret from secret "
                        + configuration.secretId() + " (HTTP 401 on /users/getToken)");
            }
        }
        if (!response.isSuccess()) {
            throw new IamportUnavailableException("i'mport getToken answered HTTP " + response.status(), false, null);
        }
        WirePayloads.Token token = token(response);
        long lifetimeSeconds = token.expiredAt() - token.now();
        Instant receivedAt = clock.instant();
        Duration lifetime = Duration.ofSeconds(Math.max(0, lifetimeSeconds));
        Duration usable = lifetime.compareTo(configuration.tokenRefreshMargin().multipliedBy(2)) > 0
                ? lifetime.minus(configuration.tokenRefreshMargin())
                : lifetime.dividedBy(2);
        return new CachedToken(token.accessToken(), receivedAt.plus(usable));
    }

    private IamportAnswer<WirePayloads.Token> requestToken(IamportCredentials current) {
        try {
            return http.send("getToken", CallKind.STANDARD, TOKEN_ENVELOPE,
                    api -> api.getToken(new WirePayloads.TokenRequest(current.impKey(), current.impSecret())));
        } catch (IamportUnavailableException e) {
            // whatever happened to the token request, the caller's own request was never sent
            throw new IamportUnavailableException("no i'mport access token: " + e.getMessage(), false, e);
        }
    }

    private static WirePayloads.Token token(IamportAnswer<WirePayloads.Token> answer) {
        if (!answer.readable()) {
            throw new IamportUnavailableException("unreadable getToken answer", false, null);
        }
        WirePayloads.Token token = answer.payload();
        if (answer.code() != 0 || token == null || token.accessToken() == null || token.now() == null || token.expiredAt() == null) {
            throw new IamportUnavailableException("unexpected getToken answer (code " + answer.code() + ")", false, null);
        }
        return token;
    }
}
