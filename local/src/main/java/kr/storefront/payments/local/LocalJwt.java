package kr.storefront.payments.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays API Gateway's JWT authorizer locally: mints HS256 tokens for a demo customer and validates
 * signature, issuer, audience and expiry before a customer route is reached. The key lives only in
 * this process.
 */
final class LocalJwt {

    static final String AUDIENCE = "local-storefront";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key = new byte[32];
    private final String issuer;
    private final Clock clock;

    LocalJwt(String issuer, Clock clock) {
        new SecureRandom().nextBytes(key);
        this.issuer = issuer;
        this.clock = clock;
    }

    String issuer() {
        return issuer;
    }

    /** A token for {@code subject}, valid for {@code lifetime}. */
    String mint(String subject, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("iss", issuer);
        claims.put("aud", AUDIENCE);
        claims.put("iat", now);
        claims.put("exp", now + lifetime.toSeconds());
        String signingInput = part(Map.of("alg", "HS256", "typ", "JWT")) + "." + part(claims);
        return signingInput + "." + ENCODER.encodeToString(sign(signingInput));
    }

    /** The claims of a valid {@code Authorization: Bearer <token>}, as strings (as API Gateway passes them). */
    Optional<Map<String, String>> validate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
            return Optional.empty();
        }
        String[] parts = authorizationHeader.substring("Bearer ".length()).trim().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] expected = sign(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode header = JSON.readTree(DECODER.decode(parts[0]));
            JsonNode claims = JSON.readTree(DECODER.decode(parts[1]));
            if (!"HS256".equals(header.path("alg").asText()) || !issuer.equals(claims.path("iss").asText())
                    || !AUDIENCE.equals(claims.path("aud").asText())
                    || claims.path("exp").asLong() <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            Map<String, String> values = new LinkedHashMap<>();
            claims.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
            return Optional.of(values);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static String part(Map<String, ?> content) {
        try {
            return ENCODER.encodeToString(JSON.writeValueAsBytes(content));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] sign(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
