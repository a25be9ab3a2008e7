package kr.storefront.payments.testkit.iamport;

import java.util.LinkedHashMap;

/** An i'mport envelope {@code {code, message, response}} and the HTTP status it is sent with. */
record ApiResponse(int httpStatus, int code, String message, Object response) {

    static final String UNAUTHORIZED = "Unauthorized";

    static ApiResponse ok(Object response) {
        return new ApiResponse(200, 0, null, response);
    }

    /** A business refusal: HTTP 200 with a non-zero code and no response, the way i'mport reports most of them. */
    static ApiResponse refused(int code, String message) {
        return new ApiResponse(200, code, message, null);
    }

    static ApiResponse badRequest(String message) {
        return new ApiResponse(400, -1, message, null);
    }

    static ApiResponse unauthorized() {
        return new ApiResponse(401, -1, UNAUTHORIZED, null);
    }

    static ApiResponse notFound(String message) {
        return new ApiResponse(404, -1, message, null);
    }

    static ApiResponse serverError(int httpStatus, String message) {
        return new ApiResponse(httpStatus, -1, message, null);
    }

    byte[] body() {
        var envelope = new LinkedHashMap<String, Object>();
        envelope.put("code", code);
        envelope.put("message", message);
        envelope.put("response", response);
        return SandboxJson.write(envelope);
    }
}
