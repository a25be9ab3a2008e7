package kr.storefront.payments.core.priming;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The AWS SDK's HTTP client, except in the {@link Priming} scope: there every request is answered
 * with an empty JSON object ({@code 200 {}}) without leaving the process. So priming runs the SDK's
 * whole pipeline (endpoint rules, marshalling, signing, unmarshalling) and our item mapping, yet
 * opens no connection that a snapshot would carry stale into every restored copy.
 */
public final class PrimingHttpClient implements SdkHttpClient {

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final SdkHttpClient delegate;
    private final AtomicLong answered = new AtomicLong();

    PrimingHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    /**
     * True when the AWS clients of this context send through a priming client: priming only runs then,
     * so its requests (the HTTP routes write webhook records) can never reach a real table.
     */
    public static boolean shields(SdkHttpClient client) {
        return client instanceof PrimingHttpClient;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (!Priming.active()) {
            return delegate.prepareRequest(request);
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                answered.incrementAndGet();
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

    /** How many requests this client answered in-process (all of them while priming). */
    public long answeredInProcess() {
        return answered.get();
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
