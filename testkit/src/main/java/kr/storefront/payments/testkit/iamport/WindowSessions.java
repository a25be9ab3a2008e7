package kr.storefront.payments.testkit.iamport;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The browser checkout windows that are open or recently completed. A session lives 30 minutes on the
 * sandbox clock (so tests can expire one by advancing it), completed or not; expired ones are forgotten
 * when next looked up or when a new one opens. Thread-safe.
 */
final class WindowSessions {

    static final Duration LIFETIME = Duration.ofMinutes(30);

    private final ConcurrentMap<String, WindowSession> byId = new ConcurrentHashMap<>();
    private final SandboxIds ids;
    private final SandboxClock clock;

    WindowSessions(SandboxIds ids, SandboxClock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    WindowSession open(Map<String, Object> params, WindowRequest.Device device, String storefrontOrigin,
                       boolean redirects) {
        byId.values().removeIf(session -> session.expiredAt(clock.instant()));
        var session = new WindowSession(ids.windowSession(), params, device, storefrontOrigin, redirects,
                clock.instant().plus(LIFETIME));
        byId.put(session.id(), session);
        return session;
    }

    /** Empty for an unknown or expired session. */
    Optional<WindowSession> find(String id) {
        WindowSession session = byId.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (session.expiredAt(clock.instant())) {
            byId.remove(id, session);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    void clear() {
        byId.clear();
    }
}
