package kr.storefront.payments.testkit.iamport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window-session endpoints behind the sandbox's {@code iamport.js} and window page. They are not
 * part of i'mport's API (the real SDK talks to i'mport's own servers), hence their separate prefix:
 * <ul>
 *   <li>{@code POST /window/sessions} {@code {imp_code, params, device: "pc"|"mobile"}} → 201
 *       {@code {session_id, window_url, mode: "iframe"|"redirect", expires_at}}. Redirect mode (mobile, and
 *       chai everywhere) needs an absolute http(s) {@code m_redirect_url}, which is where the result goes.</li>
 *   <li>{@code POST /window/sessions/{id}/complete} {@code {outcome, fail_reason?, amount?}} → 200
 *       {@code {session_id, imp_uid, merchant_uid, success, error_code, error_msg, redirect_url, rsp}}, from
 *       the same simulation as {@code IamportSandbox.completeWindow}. Once only: later calls get 409 with the
 *       first {@code result}. Unknown or expired: 404.</li>
 * </ul>
 * Errors are {@code {error_code, error_msg}}. Amounts come from the stored params, except the test-only
 * tamper action's.
 */
final class WindowSessionApi {

    static final String INVALID_REQUEST = "INVALID_REQUEST";
    static final String INVALID_IMP_CODE = "INVALID_IMP_CODE";
    static final String INVALID_PARAMS = "INVALID_PARAMS";
    static final String MISSING_REDIRECT_URL = "MISSING_REDIRECT_URL";
    static final String INVALID_ACTION = "INVALID_ACTION";
    static final String SESSION_NOT_FOUND = "SESSION_NOT_FOUND";
    static final String SESSION_COMPLETED = "SESSION_COMPLETED";

    private static final Logger LOG = LoggerFactory.getLogger(WindowSessionApi.class);

    private final WindowSessions sessions;
    private final ChannelRegistry channels;
    private final Function<WindowRequest, WindowResult> window;
    private final Supplier<String> impCode;
    private final Supplier<URI> baseUrl;

    /**
     * @param window  runs the PG window ({@code CheckoutWindow::complete})
     * @param baseUrl the sandbox's root, for the window URLs handed to the browser
     */
    WindowSessionApi(WindowSessions sessions, ChannelRegistry channels, Function<WindowRequest, WindowResult> window,
                     Supplier<String> impCode, Supplier<URI> baseUrl) {
        this.sessions = sessions;
        this.channels = channels;
        this.window = window;
        this.impCode = impCode;
        this.baseUrl = baseUrl;
    }

    /** @param origin the request's Origin header, or null */
    BrowserResponse open(RequestParams body, String origin) {
        if (!body.text("imp_code").filter(impCode.get()::equals).isPresent()) {
            return BrowserResponse.error(400, INVALID_IMP_CODE,
                    "가맹점 식별코드가 올바르지 않습니다. IMP.init 에 샌드박스의 imp_code 를 넘기세요.");
        }
        if (!(body.asMap().get("params") instanceof Map<?, ?> rawParams)) {
            return BrowserResponse.error(400, INVALID_PARAMS, "params 는 IMP.request_pay 의 파라미터 객체여야 합니다.");
        }
        Optional<WindowRequest.Device> device = device(body.text("device").orElse("pc"));
        if (device.isEmpty()) {
            return BrowserResponse.error(400, INVALID_REQUEST, "device 는 pc 또는 mobile 이어야 합니다.");
        }
        Map<String, Object> params = objectOf(rawParams);
        boolean redirects = WindowResults.redirects(device.get(),
                channels.window(RequestParams.of(params)).map(PgSelection::provider));
        if (redirects) {
            Optional<String> redirectUrl = RequestParams.of(params).text("m_redirect_url");
            if (redirectUrl.isEmpty() || !isAbsoluteHttpUrl(redirectUrl.get())) {
                // the window would have nowhere to send the buyer; the SDK reports this before opening
                return BrowserResponse.error(400, MISSING_REDIRECT_URL, "모바일 결제와 chai 는 결과를 m_redirect_url 로 "
                        + "보냅니다: m_redirect_url 에 http(s) 절대 URL 이 필요합니다.");
            }
        }
        WindowSession session = sessions.open(params, device.get(), opaqueToNull(origin), redirects);
        LOG.debug("Window session opened ({}, {} mode)", device.get(), WindowJson.mode(session));
        return BrowserResponse.json(201, WindowJson.opened(session, windowUrl(session.id())));
    }

    BrowserResponse complete(String sessionId, RequestParams body) {
        Optional<WindowSession> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            return notFound();
        }
        WindowSession.Completion completion;
        try {
            completion = session.get().complete(WindowAction.parse(body), window);
        } catch (InvalidRequestException | IllegalArgumentException e) {
            // an action that does not fit this window (e.g. vbank for a card payment); the session stays open
            return BrowserResponse.error(400, INVALID_ACTION, e.getMessage());
        }
        Map<String, Object> result = WindowJson.result(sessionId, completion.result());
        if (!completion.first()) {
            var refusal = ApiJson.object("error_code", SESSION_COMPLETED, "error_msg", "이미 완료된 결제창입니다.");
            refusal.put("result", result);
            return BrowserResponse.json(409, refusal);
        }
        LOG.debug("Window session completed: success {}", completion.result().success());
        return BrowserResponse.json(200, result);
    }

    static BrowserResponse notFound() {
        return BrowserResponse.error(404, SESSION_NOT_FOUND, "결제창 세션이 없거나 만료되었습니다.");
    }

    URI windowUrl(String sessionId) {
        return URI.create(baseUrl.get() + "/window/" + sessionId);
    }

    private static Optional<WindowRequest.Device> device(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "pc" -> Optional.of(WindowRequest.Device.PC);
            case "mobile" -> Optional.of(WindowRequest.Device.MOBILE);
            default -> Optional.empty();
        };
    }

    /** A JSON object's map with its (always string) keys typed. */
    private static Map<String, Object> objectOf(Map<?, ?> raw) {
        var object = new LinkedHashMap<String, Object>();
        raw.forEach((key, value) -> object.put(String.valueOf(key), value));
        return object;
    }

    /** Also keeps {@code javascript:} and relative URLs out of the window's location change. */
    private static boolean isAbsoluteHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** file:// pages and sandboxed frames send {@code Origin: null}, which no message can be addressed to. */
    private static String opaqueToNull(String origin) {
        return origin == null || origin.isBlank() || origin.equals("null") ? null : origin;
    }
}
