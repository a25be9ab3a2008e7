package kr.storefront.payments.testkit.iamport;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API call as the sandbox answered it. Card data and secrets in {@code query} and {@code params}
 * are redacted; the Authorization header is not recorded.
 *
 * @param endpoint        null when the path matched no endpoint
 * @param params          the parsed JSON or form body
 * @param status          the HTTP status sent, or that would have been sent when the response was dropped
 * @param code            the envelope {@code code}, or null for a non-envelope body
 * @param responseDropped the connection was closed without a response ({@code dropAfterApply})
 * @param connection      the client's end of the TCP connection the call came on ({@code /127.0.0.1:54321}):
 *                        calls sent over one kept-alive connection share it
 */
public record RecordedRequest(
        Instant at,
        Endpoint endpoint,
        String method,
        String path,
        Map<String, String> query,
        Map<String, Object> params,
        int status,
        Integer code,
        boolean responseDropped,
        String connection) {

    public RecordedRequest {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
