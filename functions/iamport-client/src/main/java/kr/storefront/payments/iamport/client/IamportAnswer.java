package kr.storefront.payments.iamport.client;

import io.micronaut.core.annotation.Nullable;

/**
 * One HTTP answer from i'mport with its {@code {code, message, response}} envelope read once.
 *
 * @param status   the HTTP status
 * @param envelope the envelope, or null when the body was empty or not a readable envelope of the expected shape
 * @param <T>      the type of the envelope's {@code response}
 */
record IamportAnswer<T>(int status, @Nullable Envelope<T> envelope) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    boolean isServerError() {
        return status >= 500;
    }

    /** 1xx or 3xx: nothing a V1 endpoint answers, so nothing to read a result from. */
    boolean isUnexpectedStatus() {
        return status < 200 || (status >= 300 && status < 400);
    }

    boolean readable() {
        return envelope != null;
    }

    /** The envelope's code, or -1 when there is none. */
    int code() {
        return envelope == null ? -1 : envelope.code();
    }

    /** The envelope's {@code response}, or null. */
    @Nullable
    T payload() {
        return envelope == null ? null : envelope.response();
    }

    /** i'mport's message, or the status and code when it gave none. */
    String message() {
        if (envelope != null && envelope.message() != null && !envelope.message().isBlank()) {
            return envelope.message();
        }
        return "HTTP " + status + (envelope == null ? "" : ", code " + envelope.code());
    }
}
