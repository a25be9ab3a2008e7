package kr.storefront.payments.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import kr.storefront.payments.core.domain.InvalidRequestException;

/**
 * A JSON body must be exactly one JSON value: well-formed, no key twice in one object (Serde keeps
 * one of them silently), and nothing after the value (Serde stops reading at its end). Streamed once
 * with jackson-core, which Serde itself reads with; the messages never quote the body.
 */
public final class SingleJsonValue {

    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private SingleJsonValue() {
    }

    /**
     * An empty or blank body passes: whether a body is required is the route's business.
     *
     * @throws InvalidRequestException on field {@code body} otherwise
     */
    public static void require(String text) {
        require(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @see #require(String) */
    public static void require(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return;
            }
            parser.skipChildren();
            JsonToken after;
            try {
                after = parser.nextToken();
            } catch (IOException e) {
                after = JsonToken.NOT_AVAILABLE; // unparseable text after the value: trailing content all the same
            }
            if (after != null) {
                throw new InvalidRequestException("body", "nothing may follow the JSON value");
            }
        } catch (IOException e) {
            throw new InvalidRequestException("body", "not well-formed JSON, or a key appears twice in one object");
        }
    }
}
