package kr.storefront.payments.bench.declarative;

import io.micronaut.http.HttpResponse;
import kr.storefront.payments.bench.Bench;
import kr.storefront.payments.bench.Payloads.PrepareRequest;

/**
 * The declarative client: args[0] names the variant ({@code jdk}, {@code jdk-sync}, {@code netty},
 * {@code netty-sync}); a {@code -sync} variant uses the synchronous methods, the others join the futures.
 */
public final class DeclarativeMain {

    private DeclarativeMain() {
    }

    public static void main(String[] args) {
        String variant = args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        boolean sync = variant.endsWith("-sync");
        Bench.run(variant, rest, (context, url) -> {
            Api api = context.getBean(Api.class);
            return sync ? new Bench.Calls() {
                @Override
                public byte[] lookup(String impUid) {
                    return body(api.lookupSync(impUid));
                }

                @Override
                public byte[] prepare(PrepareRequest body) {
                    return body(api.prepareSync(body));
                }
            } : new Bench.Calls() {
                @Override
                public byte[] lookup(String impUid) {
                    return body(api.lookup(impUid).join());
                }

                @Override
                public byte[] prepare(PrepareRequest body) {
                    return body(api.prepare(body).join());
                }
            };
        });
    }

    /**
     * {@code getBody(byte[].class)}, not {@code body()}: on the JDK client, a {@code CompletableFuture<HttpResponse<byte[]>>}
     * method's response has {@code HttpResponse<byte[]>} itself as its body type, so {@code body()} tries to
     * decode the JSON into an {@code HttpResponse} and throws an IntrospectionException (4.10.15).
     */
    private static byte[] body(HttpResponse<byte[]> response) {
        return Bench.ok(response.code(), response.getBody(byte[].class).orElseThrow());
    }
}
