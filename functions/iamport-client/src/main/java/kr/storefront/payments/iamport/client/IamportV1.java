package kr.storefront.payments.iamport.client;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.concurrent.CompletableFuture;

/**
 * The V1 endpoints we call, one method each, paths and parameter names as PortOne's V1 schema spells
 * them. Request bodies are Serde records ({@link WirePayloads}); answers come back whole, whatever
 * their status, and {@link IamportAnswers} reads the {@code {code, message, response}} envelope.
 *
 * <p>Every method answers a {@link CompletableFuture}: Micronaut 4.10's JDK client builds a new
 * {@code java.net.http.HttpClient} (its own pool and selector thread) each time a synchronous method
 * is called, through {@code toBlocking()}, where the asynchronous path reuses one client per
 * {@code @Client}; {@link IamportExchange} waits for the answer on the caller's thread.
 */
@Header(name = HttpHeaders.ACCEPT, value = MediaType.APPLICATION_JSON)
interface IamportV1 {

    @Post("/users/getToken")
    CompletableFuture<HttpResponse<byte[]>> getToken(@Body WirePayloads.TokenRequest credentials);

    @Get("/payments/{imp_uid}{?include_sandbox}")
    CompletableFuture<HttpResponse<byte[]>> payment(@PathVariable("imp_uid") String impUid,
                                                    @QueryValue("include_sandbox") boolean includeSandbox);

    @Get("/payments/find/{merchant_uid}")
    CompletableFuture<HttpResponse<byte[]>> paymentByMerchantUid(@PathVariable("merchant_uid") String merchantUid);

    @Get("/payments/find/{merchant_uid}/{payment_status}")
    CompletableFuture<HttpResponse<byte[]>> paymentByMerchantUid(@PathVariable("merchant_uid") String merchantUid,
                                                                 @PathVariable("payment_status") String status);

    @Post("/payments/prepare")
    CompletableFuture<HttpResponse<byte[]>> prepare(@Body WirePayloads.PrepareRequest prepare);

    @Get("/payments/prepare/{merchant_uid}")
    CompletableFuture<HttpResponse<byte[]>> prepared(@PathVariable("merchant_uid") String merchantUid);

    @Post("/payments/cancel")
    CompletableFuture<HttpResponse<byte[]>> cancel(@Body WirePayloads.CancelRequest cancel);

    @Post("/subscribe/payments/again")
    CompletableFuture<HttpResponse<byte[]>> again(@Body WirePayloads.AgainRequest charge);

    @Post("/subscribe/payments/onetime")
    CompletableFuture<HttpResponse<byte[]>> onetime(@Body WirePayloads.OnetimeRequest charge);

    @Post("/subscribe/customers/{customer_uid}")
    CompletableFuture<HttpResponse<byte[]>> issueBillingKey(@PathVariable("customer_uid") String customerUid,
                                                            @Body WirePayloads.CustomerRequest issue);

    @Get("/subscribe/customers/{customer_uid}")
    CompletableFuture<HttpResponse<byte[]>> billingKey(@PathVariable("customer_uid") String customerUid);

    @Delete("/subscribe/customers/{customer_uid}{?reason}")
    CompletableFuture<HttpResponse<byte[]>> deleteBillingKey(@PathVariable("customer_uid") String customerUid,
                                                             @QueryValue("reason") String reason);
}
