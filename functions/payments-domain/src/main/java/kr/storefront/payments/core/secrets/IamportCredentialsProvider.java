package kr.storefront.payments.core.secrets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.domain.Pg;

/**
 * Hands out the i'mport credentials, reading the secret lazily and reusing it for
 * {@code iamport.secret-cache-ttl}.
 *
 * <p>Nothing is read at construction, so no secret ends up in a SnapStart snapshot; the first
 * call after restore fetches it. After i'mport rejects the credentials, callers {@link #invalidate()}
 * the cache once so a rotated secret is picked up without waiting for the TTL.
 */
@Singleton
public class IamportCredentialsProvider {

    private static final Pattern IMP_CODE = Pattern.compile("imp[0-9]+");
    private static final Pattern SETTING = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private final SecretSource secrets;
    private final JsonMapper json;
    private final IamportConfiguration configuration;
    private final Clock clock;

    private record Cached(IamportCredentials credentials, Instant fetchedAt) { }

    private volatile Cached cached;

    IamportCredentialsProvider(SecretSource secrets, JsonMapper json, IamportConfiguration configuration, Clock clock) {
        this.secrets = secrets;
        this.json = json;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * Returns the credentials, fetching the secret if none is cached or the cached copy is too old.
     *
     * @throws SecretUnavailableException if the secret cannot be read
     * @throws InvalidSecretException     if it is not a valid credentials document
     */
    public IamportCredentials current() {
        Cached snapshot = cached;
        if (snapshot != null && isFresh(snapshot)) {
            return snapshot.credentials();
        }
        synchronized (this) {
            snapshot = cached;
            if (snapshot == null || !isFresh(snapshot)) {
                snapshot = new Cached(parse(secrets.secretString(configuration.secretId())), clock.instant());
                cached = snapshot;
            }
            return snapshot.credentials();
        }
    }

    /** Forgets the cached credentials so the next {@link #current()} reads the secret again. */
    public void invalidate() {
        cached = null;
    }

    private boolean isFresh(Cached snapshot) {
        return clock.instant().isBefore(snapshot.fetchedAt().plus(configuration.secretCacheTtl()));
    }

    private IamportCredentials parse(String secretString) {
        IamportSecretDocument document;
        try {
            document = json.readValue(secretString, IamportSecretDocument.class);
        } catch (IOException | RuntimeException e) {
            // the parser's message may quote the value, so it is not passed on
            throw new InvalidSecretException("secret " + configuration.secretId() + " is not a JSON object");
        }
        if (document == null) {
            throw new InvalidSecretException("secret " + configuration.secretId() + " is empty");
        }
        requireText(document.impKey(), "imp_key");
        requireText(document.impSecret(), "imp_secret");
        requireText(document.impCode(), "imp_code");
        if (!IMP_CODE.matcher(document.impCode()).matches()) {
            throw new InvalidSecretException("secret " + configuration.secretId()
                    + ": imp_code must look like imp12345678 (the merchant code used by IMP.init)");
        }
        return new IamportCredentials(document.impKey(), document.impSecret(), document.impCode(),
                pgSettings(document.pgMids(), "pg_mids"), pgSettings(document.apiMids(), "api_mids"),
                pgSettings(document.channelKeys(), "channel_keys"), pgSettings(document.apiChannelKeys(), "api_channel_keys"));
    }

    /** A per-PG map of the secret: keys are our PG codes, values printable text without spaces (never quoted in errors). */
    private Map<String, String> pgSettings(@Nullable Map<String, String> settings, String field) {
        if (settings == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            if (Pg.fromCode(entry.getKey()).isEmpty()) {
                throw new InvalidSecretException("secret " + configuration.secretId() + ": " + field
                        + " may only name the PGs payco, chai, kakaopay, tosspayments, uplus");
            }
            if (entry.getValue() == null || !SETTING.matcher(entry.getValue()).matches()) {
                throw new InvalidSecretException("secret " + configuration.secretId() + ": " + field + "." + entry.getKey()
                        + " must be 1-128 printable characters without spaces");
            }
        }
        return settings;
    }

    private void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidSecretException("secret " + configuration.secretId() + " lacks " + field);
        }
    }
}
