package kr.storefront.payments.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The response headers API Gateway's HTTP API sends for a Lambda's payload-2.0 answer: each {@code headers}
 * entry once (a value the function joined with commas stays one header line, as API Gateway sends it), and
 * each {@code cookies} entry as its own {@code Set-Cookie}. {@code multiValueHeaders} belongs to payload 1.0 and
 * is ignored, as API Gateway ignores it for 2.0: copying it too sent {@code Location} and
 * {@code Cache-Control} twice.
 */
final class HttpApiResponseMapping {

    private HttpApiResponseMapping() {
    }

    /** Header name and value, in the order to send, one entry per header line. */
    static List<Map.Entry<String, String>> headers(APIGatewayV2HTTPResponse response) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (name != null && value != null) {
                    lines.add(Map.entry(name, value));
                }
            });
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> lines.add(Map.entry("Set-Cookie", cookie)));
        }
        return lines;
    }
}
