package kr.storefront.payments.core.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a canonical text of a request, to tell a retry from a different request under the same key. */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String canonicalRequest) {
        return sha256(canonicalRequest);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The hash under which a client key is stored: keeps keys short and free of separators. */
    public static String ofKey(String key) {
        return sha256(key);
    }
}
