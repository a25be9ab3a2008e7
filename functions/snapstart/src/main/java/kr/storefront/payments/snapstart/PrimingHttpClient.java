package kr.storefront.payments.snapstart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The AWS SDK's HTTP client, except in the {@link Priming} scope: there every request is answered
 * with an empty JSON object ({@code 200 {}}) without leaving the process. So priming runs the SDK's
 * whole pipeline (endpoint rules, marshalling, signing, unmarshalling) and our item mapping, yet
 * reaches no AWS endpoint and leaves no connection that a snapshot would carry stale into every
 * restored copy.
 *
 * <p>While a {@link #loopback()} session is open, the answer comes from a {@link LoopbackResponder}
 * in this process through the real client, so the Apache transport is primed too; closing the
 * session closes its connections (the SDK's pool may keep their closed entries, keyed to the
 * responder's loopback port and so never leased for an AWS endpoint, until its idle reaper drops
 * them). Without a session the answer is made right here.
 */
public final class PrimingHttpClient implements SdkHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(PrimingHttpClient.class);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final SdkHttpClient delegate;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong answeredOverLoopback = new AtomicLong();
    private volatile URI loopback;

    PrimingHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (!Priming.active()) {
            return delegate.prepareRequest(request);
        }
        answered.incrementAndGet();
        URI target = loopback;
        if (target != null) {
            SdkHttpRequest redirected = request.httpRequest().toBuilder()
                    .protocol(target.getScheme()).host(target.getHost()).port(target.getPort()).build();
            HttpExecuteRequest.Builder toLoopback = HttpExecuteRequest.builder().request(redirected);
            request.contentStreamProvider().ifPresent(toLoopback::contentStreamProvider);
            return delegate.prepareRequest(toLoopback.build());
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(EMPTY_OBJECT.length)).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(EMPTY_OBJECT)))
                        .build();
            }

            @Override
            public void abort() {
                // nothing in flight
            }
        };
    }

    /** How many priming requests this client kept in this process, answered here or by a loopback session's responder. */
    public long answeredInProcess() {
        return answered.get();
    }

    /** Requests that closed loopback sessions' responders answered, from this client and any other. */
    public long answeredOverLoopback() {
        return answeredOverLoopback.get();
    }

    /** True while a loopback session is open (never once priming is over). */
    public boolean loopbackOpen() {
        return loopback != null;
    }

    /**
     * Starts a loopback responder and sends priming's requests to it until the session is closed.
     * When none can be started, the session is empty ({@link LoopbackSession#baseUrl()} is null) and
     * requests are answered in-process as without one.
     */
    public LoopbackSession loopback() {
        LoopbackResponder responder;
        try {
            responder = LoopbackResponder.start();
        } catch (IOException | RuntimeException e) {
            LOG.info("priming answers in-process: no loopback responder ({})", e.toString());
            return new LoopbackSession(null);
        }
        loopback = responder.baseUrl();
        return new LoopbackSession(responder);
    }

    /** Priming's requests go to an in-process loopback responder until this is closed. */
    public final class LoopbackSession implements AutoCloseable {

        private final LoopbackResponder responder;

        private LoopbackSession(LoopbackResponder responder) {
            this.responder = responder;
        }

        /** {@code http://127.0.0.1:<port>}, or null when no responder runs. */
        public URI baseUrl() {
            return responder == null ? null : responder.baseUrl();
        }

        /** Requests the responder answered, the SDK's and any other client's. */
        public long requestsAnswered() {
            return responder == null ? 0 : responder.requestsAnswered();
        }

        /** Stops the responder, closing every connection to it. */
        @Override
        public void close() {
            if (responder != null) {
                loopback = null;
                responder.close();
                answeredOverLoopback.addAndGet(responder.requestsAnswered());
            }
        }
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
