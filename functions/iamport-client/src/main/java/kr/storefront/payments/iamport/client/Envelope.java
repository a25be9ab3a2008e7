package kr.storefront.payments.iamport.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.annotation.Serdeable;

/** i'mport's response wrapper. {@code code == 0} means the call succeeded, not that anything was paid. */
@Serdeable
record Envelope<T>(int code, @Nullable String message, @Nullable T response) {

    /** The type argument for decoding an envelope around {@code payload}. */
    @SuppressWarnings("unchecked")
    static <T> Argument<Envelope<T>> of(Class<T> payload) {
        return (Argument<Envelope<T>>) (Argument<?>) Argument.of(Envelope.class, payload);
    }
}
