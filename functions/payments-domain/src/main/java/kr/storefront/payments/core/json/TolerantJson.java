package kr.storefront.payments.core.json;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.Deserializer.DecoderContext;

/**
 * The JSON view under which the exact deserializers step aside and Serde coerces as it does by
 * default ({@code "1"} into an int, {@code 1.5} into a long, a one-element array into a string).
 * Only for i'mport's answers: an undocumented type change in a display-only field must never turn a
 * paid charge into an unreadable answer. Requests, the secret and every other document stay exact.
 */
public final class TolerantJson {

    private TolerantJson() {
    }

    /** {@code json} reading under this view (a view needs no {@code micronaut.serde.json-view-enabled}). */
    public static JsonMapper of(JsonMapper json) {
        return json.cloneWithViewClass(TolerantJson.class);
    }

    /**
     * Whether {@code context} reads under this view. Without any view Serde (2.16) answers
     * {@code hasView} with true for every class, so a class that is never a view tells "no view"
     * apart from "this view".
     */
    static boolean applies(DecoderContext context) {
        return context.hasView(TolerantJson.class) && !context.hasView(NeverAView.class);
    }

    private static final class NeverAView {
    }
}
