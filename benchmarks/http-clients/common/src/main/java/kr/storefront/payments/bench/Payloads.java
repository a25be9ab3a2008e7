package kr.storefront.payments.bench;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.nio.charset.StandardCharsets;

/** What goes over the wire: an i'mport V1 payment envelope and a prepare request. */
public final class Payloads {

    /** The server's answer to every request: a paid card payment, 900-odd bytes. */
    public static final byte[] PAYMENT_JSON = ("{\"code\":0,\"message\":null,\"response\":{"
            + "\"imp_uid\":\"imp_1\",\"merchant_uid\":\"ord_1\",\"pay_method\":\"card\",\"channel\":\"pc\","
            + "\"pg_provider\":\"html5_inicis\",\"emb_pg_provider\":null,\"pg_tid\":\"StdpayCARDINIpayTest20240101123456789012\","
            + "\"pg_id\":\"INIpayTest\",\"escrow\":false,\"apply_num\":\"30012345\",\"bank_code\":null,\"bank_name\":null,"
            + "\"card_code\":\"361\",\"card_name\":\"BC카드\",\"card_quota\":0,\"card_number\":\"910020*********5\",\"card_type\":0,"
            + "\"name\":\"Storefront order ord_1\",\"amount\":1000,\"cancel_amount\":0,\"currency\":\"KRW\","
            + "\"buyer_name\":\"Kim Minji\",\"buyer_email\":\"buyer@example.com\",\"buyer_tel\":\"010-1234-5678\","
            + "\"buyer_addr\":\"Seoul Gangnam-gu Teheran-ro 123\",\"buyer_postcode\":\"06236\","
            + "\"custom_data\":\"{\\\"cart\\\":\\\"c_1\\\"}\",\"user_agent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36\","
            + "\"status\":\"paid\",\"started_at\":1704067200,\"paid_at\":1704067260,\"failed_at\":0,\"cancelled_at\":0,"
            + "\"fail_reason\":null,\"cancel_reason\":null,\"receipt_url\":\"https://iniweb.inicis.com/receipt/StdpayCARDINIpayTest20240101\","
            + "\"cash_receipt_issued\":false,\"customer_uid\":null,\"customer_uid_usage\":null}}").getBytes(StandardCharsets.UTF_8);

    private Payloads() {
    }

    /** POST /payments/prepare's body. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record PrepareRequest(String merchantUid, long amount) {
    }

    /** i'mport's envelope around every answer. */
    @Serdeable
    public record PaymentEnvelope(int code, @Nullable String message, @Nullable Payment response) {
    }

    /** A V1 payment, every field the server sends. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Payment(
            String impUid, String merchantUid, String payMethod, String channel, String pgProvider,
            @Nullable String embPgProvider, String pgTid, String pgId, boolean escrow, String applyNum,
            @Nullable String bankCode, @Nullable String bankName, String cardCode, String cardName, int cardQuota,
            String cardNumber, int cardType, String name, long amount, long cancelAmount, String currency,
            String buyerName, String buyerEmail, String buyerTel, String buyerAddr, String buyerPostcode,
            String customData, String userAgent, String status, long startedAt, long paidAt, long failedAt,
            long cancelledAt, @Nullable String failReason, @Nullable String cancelReason, String receiptUrl,
            boolean cashReceiptIssued, @Nullable String customerUid, @Nullable String customerUidUsage) {
    }
}
