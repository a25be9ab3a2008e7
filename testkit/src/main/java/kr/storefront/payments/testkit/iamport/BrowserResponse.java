package kr.storefront.payments.testkit.iamport;

import java.nio.charset.StandardCharsets;

/** An answer of the browser-facing routes (script, window page, window sessions): status, type and bytes. */
record BrowserResponse(int httpStatus, String contentType, byte[] body) {

    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    static final String JAVASCRIPT = "application/javascript; charset=utf-8";

    static BrowserResponse json(int httpStatus, Object body) {
        return new BrowserResponse(httpStatus, JSON, SandboxJson.write(body));
    }

    /** {@code {"error_code", "error_msg"}}, named like the rsp fields the script turns them into. */
    static BrowserResponse error(int httpStatus, String errorCode, String errorMsg) {
        return json(httpStatus, ApiJson.object("error_code", errorCode, "error_msg", errorMsg));
    }

    static BrowserResponse html(int httpStatus, String page) {
        return new BrowserResponse(httpStatus, HTML, page.getBytes(StandardCharsets.UTF_8));
    }

    static BrowserResponse javascript(byte[] script) {
        return new BrowserResponse(200, JAVASCRIPT, script);
    }
}
