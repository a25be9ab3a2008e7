package kr.storefront.payments.local.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The cold-start benchmark's floor: a trivial handler, alone in its bundle, on the same Lambda
 * runtime and JVM flags as the functions. What a JVM costs before any of our code runs.
 */
public final class FloorHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("statusCode", 200, "body", "{\"ok\":true}");
    }
}
