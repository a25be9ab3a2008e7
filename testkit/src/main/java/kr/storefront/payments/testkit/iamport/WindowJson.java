package kr.storefront.payments.testkit.iamport;

import java.net.URI;
import java.util.Map;

/** Wire shapes of the window-session endpoints (the sandbox's own, not i'mport's; see {@link WindowSessionApi}). */
final class WindowJson {

    static final String IFRAME_MODE = "iframe";
    static final String REDIRECT_MODE = "redirect";

    private WindowJson() {
    }

    static Map<String, Object> opened(WindowSession session, URI windowUrl) {
        return ApiJson.object(
                "session_id", session.id(),
                "window_url", windowUrl.toString(),
                "mode", mode(session),
                "expires_at", session.expiresAt().getEpochSecond());
    }

    /** The {@link WindowResult}: {@code redirect_url} in redirect mode, else {@code rsp} for the callback. */
    static Map<String, Object> result(String sessionId, WindowResult result) {
        return ApiJson.object(
                "session_id", sessionId,
                "imp_uid", result.impUid(),
                "merchant_uid", result.merchantUid(),
                "success", result.success(),
                "error_code", result.errorCode(),
                "error_msg", result.errorMsg(),
                "redirect_url", result.redirect().map(URI::toString).orElse(null),
                "rsp", result.redirect().isPresent() ? null : result.callback());
    }

    static String mode(WindowSession session) {
        return session.redirects() ? REDIRECT_MODE : IFRAME_MODE;
    }
}
