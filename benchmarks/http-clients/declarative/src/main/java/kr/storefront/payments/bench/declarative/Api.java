package kr.storefront.payments.bench.declarative;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import java.util.concurrent.CompletableFuture;
import kr.storefront.payments.bench.Payloads.PrepareRequest;

/**
 * The two calls, declared once, in both forms. Which implementation (JDK or Netty) serves it is
 * decided by the classpath alone.
 */
@Client(value = "${api.url}", configuration = ApiClientConfiguration.class)
public interface Api {

    @Get("/payments/{impUid}")
    CompletableFuture<HttpResponse<byte[]>> lookup(String impUid);

    @Post("/payments/prepare")
    CompletableFuture<HttpResponse<byte[]>> prepare(@Body PrepareRequest body);

    /** Synchronous: the generated code goes through {@code httpClient.toBlocking()} on every call. */
    @Get("/payments/{impUid}")
    HttpResponse<byte[]> lookupSync(String impUid);

    @Post("/payments/prepare")
    HttpResponse<byte[]> prepareSync(@Body PrepareRequest body);
}
