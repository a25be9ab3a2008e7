package kr.storefront.payments.iamport.client;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import kr.storefront.payments.core.json.TolerantJson;
import kr.storefront.payments.iamport.client.IamportExchange.CallKind;

/**
 * Warms the i'mport client up, for a SnapStart snapshot: writes each request body we send and reads
 * canned answers of every shape we read (envelope, payment, billing key, token), mapping them as a
 * real answer would be; given a loopback responder, also sends through the HTTP client stack to it.
 * Nothing is sent to i'mport; nothing here is unique or secret.
 */
@Singleton
public final class IamportWarmUp {

    private static final byte[] PAYMENT = """
            {"code":0,"message":null,"response":{"imp_uid":"imp_000000000000","merchant_uid":"ord_priming","pay_method":"card",
            "channel":"pc","pg_provider":"tosspayments","sandbox":false,"name":"priming","amount":1000,"cancel_amount":0,
            "currency":"KRW","status":"paid","paid_at":1700000000,"failed_at":0,"cancelled_at":0,"fail_reason":null,
            "card_code":"361","card_name":"BC","card_number":"000000*********0","card_type":0,"vbank_code":null,"vbank_name":null,
            "vbank_num":null,"vbank_holder":null,"vbank_date":0,"customer_uid":null}}""".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CUSTOMER = """
            {"code":0,"message":null,"response":{"customer_uid":"cu_priming","pg_provider":"tosspayments","card_code":"361",
            "card_name":"BC","card_number":"000000*********0","card_type":0,"inserted":1700000000}}"""
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] TOKEN = """
            {"code":0,"message":null,"response":{"access_token":"priming","now":1700000000,"expired_at":1700001800}}"""
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] FAILURE = """
            {"code":-1,"message":"priming","response":null}""".getBytes(StandardCharsets.UTF_8);

    private final JsonMapper json;
    private final JsonMapper answers;
    private final IamportExchange http;

    IamportWarmUp(JsonMapper json, IamportExchange http) {
        this.json = json;
        this.answers = TolerantJson.of(json); // read as the gateway reads i'mport's answers
        this.http = http;
    }

    /**
     * The HTTP client stack, to a loopback responder in this process ({@code http://127.0.0.1:port})
     * only: a token request (the first call after every restore), a lookup, a prepare and a charge
     * through the clients real calls use (declarative client,
     * authorization filter, {@code java.net.http}), sent there from this thread only, with a placeholder
     * token. {@link #finishTransportWarmUp} must follow the last round.
     */
    public void warmUpTransport(URI loopback) {
        http.sendWarmUp(loopback, CallKind.STANDARD, api -> api.getToken(new WirePayloads.TokenRequest("priming", "priming")));
        http.sendWarmUp(loopback, CallKind.STANDARD, api -> api.payment("imp_priming", false));
        http.sendWarmUp(loopback, CallKind.STANDARD, api -> api.prepare(new WirePayloads.PrepareRequest("ord_priming", 1000, "KRW")));
        http.sendWarmUp(loopback, CallKind.CHARGE, api -> api.again(
                new WirePayloads.AgainRequest("cu_priming", "ord_priming", 1000, "priming", "KRW", null)));
    }

    /** Discards the clients with their loopback connections and builds them afresh, as they must be in a snapshot. */
    public void finishTransportWarmUp() {
        http.resetAfterWarmUp();
    }

    /** The clients built, and our JSON for each body we send and each answer shape we read, with no call made. */
    public void warmUp() {
        http.buildClients();
        try {
            json.writeValueAsBytes(new WirePayloads.PrepareRequest("ord_priming", 1000, "KRW"));
            json.writeValueAsBytes(new WirePayloads.TokenRequest("priming", "priming"));
            PaymentMapper.payment(answers.readValue(PAYMENT, Envelope.of(WirePayloads.Payment.class)).response());
            PaymentMapper.billingKey(answers.readValue(CUSTOMER, Envelope.of(WirePayloads.Customer.class)).response());
            answers.readValue(TOKEN, Envelope.of(WirePayloads.Token.class));
            answers.readValue(FAILURE, Envelope.of(WirePayloads.Prepared.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
