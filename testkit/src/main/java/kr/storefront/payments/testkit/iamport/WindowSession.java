package kr.storefront.payments.testkit.iamport;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One checkout window opened from the browser by {@code IMP.request_pay}: the params the storefront
 * passed, the device, and the result once the buyer has acted. It completes once; whoever comes second
 * (a double click, the overlay's close button racing the window's own button) gets the first result.
 * Thread-safe.
 */
final class WindowSession {

    /** The window's result and whether this call produced it. */
    record Completion(WindowResult result, boolean first) {
    }

    private final String id;
    private final Map<String, Object> params;
    private final WindowRequest.Device device;
    private final String storefrontOrigin;
    private final boolean redirects;
    private final Instant expiresAt;
    private WindowResult result; // guarded by this

    /**
     * @param storefrontOrigin the Origin of the page that called request_pay (where the PC result is posted),
     *                         or null when the browser sent none or an opaque one
     * @param redirects        redirect mode (mobile, chai), see {@link WindowResults#redirects}
     */
    WindowSession(String id, Map<String, Object> params, WindowRequest.Device device, String storefrontOrigin,
                  boolean redirects, Instant expiresAt) {
        this.redirects = redirects;
        this.id = id;
        // params may hold nulls, like a JS object, so no Map.copyOf
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.device = device;
        this.storefrontOrigin = storefrontOrigin;
        this.expiresAt = expiresAt;
    }

    String id() {
        return id;
    }

    Map<String, Object> params() {
        return params;
    }

    WindowRequest.Device device() {
        return device;
    }

    Optional<String> storefrontOrigin() {
        return Optional.ofNullable(storefrontOrigin);
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Redirect mode (mobile, chai): the page navigates to the window and the result to m_redirect_url. */
    boolean redirects() {
        return redirects;
    }

    synchronized Optional<WindowResult> result() {
        return Optional.ofNullable(result);
    }

    /**
     * Runs the window to the buyer's action, unless it already ran. If the window throws (an action that
     * does not fit the payment), the session stays open.
     */
    synchronized Completion complete(WindowAction action, Function<WindowRequest, WindowResult> window) {
        if (result != null) {
            return new Completion(result, false);
        }
        result = window.apply(action.toRequest(params, device));
        return new Completion(result, true);
    }
}
