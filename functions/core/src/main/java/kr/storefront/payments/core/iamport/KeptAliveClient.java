package kr.storefront.payments.core.iamport;

import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import java.time.Duration;

/**
 * The blocking client for one kind of i'mport call, reusing its kept-alive connections while they
 * are certainly still open.
 *
 * <p>Micronaut's JDK client builds a new {@code java.net.http.HttpClient} (a selector thread and an
 * empty connection pool) on every {@code toBlocking()}, so calling it per request opened a new
 * connection, with a TLS handshake, for every i'mport call. This keeps one blocking client instead.
 *
 * <p>Reuse has a limit: a Lambda environment is frozen between invocations, so the server may close
 * an idle connection while nothing in this process can notice, and the JDK retries a request sent on
 * such a connection only for GET, never for the POSTs that prepare, cancel or charge. So once no call
 * has been made for longer than the reuse window, the next one gets a new client, whose pool is empty:
 * a connection is only ever reused within the window of its last use. Within a run of concurrent
 * calls (rebill), the JDK client itself drops pooled connections the server closes.
 */
final class KeptAliveClient {

    private final HttpClient client;
    private final long reuseWindowNanos;

    private BlockingHttpClient current;
    private boolean used;
    private int inFlight;
    private long lastActivity;
    private long clientsStarted;

    KeptAliveClient(HttpClient client, Duration reuseWindow) {
        this.client = client;
        this.reuseWindowNanos = reuseWindow.toNanos();
        // built now, during init: the JDK client's classes and thread are then in a SnapStart snapshot,
        // which holds no connection because nothing is sent before the first invocation
        this.current = client.toBlocking();
        this.clientsStarted = 1;
    }

    /** The client to send one exchange with; every call must be paired with {@link #release()}. */
    synchronized BlockingHttpClient acquire() {
        long now = System.nanoTime();
        if (used && inFlight == 0 && now - lastActivity > reuseWindowNanos) {
            current = client.toBlocking(); // the old one is collected with its idle connections
            clientsStarted++;
            used = false;
        }
        used = true;
        inFlight++;
        lastActivity = now;
        return current;
    }

    /** The exchange is over, whatever its outcome: its connection went back to the pool or was closed. */
    synchronized void release() {
        inFlight--;
        lastActivity = System.nanoTime();
    }

    /**
     * The current client, without counting a use (priming): its only pooled connection then goes to the
     * loopback responder, which closes it, and is keyed to that address, so it is never offered for i'mport.
     */
    synchronized BlockingHttpClient currentForPriming() {
        return current;
    }

    /** How many JDK clients (each with its own connection pool) were started, the first one included. */
    synchronized long clientsStarted() {
        return clientsStarted;
    }
}
