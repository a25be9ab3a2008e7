package kr.storefront.payments.iamport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.testing.InMemorySecretSource;
import kr.storefront.payments.core.testing.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * i'mport's answers are read tolerantly while everything else is exact: a type deviation in a field
 * we only display (a string {@code card_type}, a numeric {@code name}) must never make a paid
 * payment unreadable.
 */
class TolerantAnswersTest {

    /** Token answer with {@code now} as a string. */
    private static final String TOKEN = """
            {"code":0,"message":null,"response":{"access_token":"tok","now":"1700000000","expired_at":1700001800}}""";
    /** A paid payment with {@code card_type} as a string and {@code name} as a number, as a sandbox channel may send. */
    private static final String PAYMENT = """
            {"code":0,"message":null,"response":{"imp_uid":"imp_123412341234","merchant_uid":"ord_tolerant",
            "pay_method":"card","channel":"pc","pg_provider":"tosspayments","sandbox":false,"name":20250101,
            "amount":18000,"cancel_amount":0,"currency":"KRW","status":"paid","paid_at":1700000100,"failed_at":0,
            "cancelled_at":0,"fail_reason":null,"card_code":"361","card_name":"BC","card_number":"000000*********0",
            "card_type":"1","customer_uid":null}}""";

    private HttpServer iamport;
    private ApplicationContext context;

    @BeforeEach
    void start() throws IOException {
        iamport = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        iamport.createContext("/users/getToken", exchange -> answer(exchange, TOKEN));
        iamport.createContext("/payments/imp_123412341234", exchange -> answer(exchange, PAYMENT));
        iamport.start();
        context = ApplicationContext.builder().environments(InMemorySecretSource.ENVIRONMENT).properties(Map.of(
                "iamport.base-url", "http://127.0.0.1:" + iamport.getAddress().getPort(),
                "iamport.secret-id", "secret", "iamport.read-retries", "0")).start();
        context.getBean(InMemorySecretSource.class).put("secret", Secrets.iamportSecret("key", "secret", "imp12345678"));
    }

    @AfterEach
    void stop() {
        context.close();
        iamport.stop(0);
    }

    @Test
    void iamportAnswer_withTypeDeviations_isRead() {
        IamportPayment payment = context.getBean(IamportGateway.class).findPayment("imp_123412341234").orElseThrow();

        assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(payment.amount()).isEqualTo(18_000);
        assertThat(payment.merchantUid()).isEqualTo("ord_tolerant");
        assertThat(payment.name()).isEqualTo("20250101");
        assertThat(payment.card().cardType()).isEqualTo(1);
    }

    @Test
    void theSameAnswer_throughTheApplicationsMapper_isRefused() {
        JsonMapper json = context.getBean(JsonMapper.class);

        assertThatThrownBy(() -> json.readValue(PAYMENT, Envelope.of(WirePayloads.Payment.class))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> json.readValue(TOKEN, Envelope.of(WirePayloads.Token.class))).isInstanceOf(IOException.class);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
