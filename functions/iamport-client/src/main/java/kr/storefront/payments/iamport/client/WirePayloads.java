package kr.storefront.payments.iamport.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * The V1 JSON bodies we send and read, field names as i'mport spells them. Only fields we use are mapped.
 * Names and JSON types follow PortOne's published schema ({@code WirePayloadsSchemaTest} holds them to the
 * testkit's digest of it): each request record sends only parameters its endpoint lists.
 */
final class WirePayloads {

    private WirePayloads() {
    }

    @Serdeable
    record TokenRequest(@JsonProperty("imp_key") String impKey, @JsonProperty("imp_secret") String impSecret) {
        @Override
        public String toString() {
            return "TokenRequest[redacted]";
        }
    }

    @Serdeable
    record Token(
            @JsonProperty("access_token") @Nullable String accessToken,
            @Nullable Long now,
            @JsonProperty("expired_at") @Nullable Long expiredAt) {
        @Override
        public String toString() {
            return "Token[redacted]";
        }
    }

    /** Amounts are JSON numbers; read as BigDecimal so an odd value is detected, not rounded. */
    @Serdeable
    record Payment(
            @JsonProperty("imp_uid") @Nullable String impUid,
            @JsonProperty("merchant_uid") @Nullable String merchantUid,
            @JsonProperty("pay_method") @Nullable String payMethod,
            @Nullable String channel,
            @JsonProperty("pg_provider") @Nullable String pgProvider,
            @Nullable Boolean sandbox,
            @Nullable String name,
            @Nullable BigDecimal amount,
            @JsonProperty("cancel_amount") @Nullable BigDecimal cancelAmount,
            @Nullable String currency,
            @Nullable String status,
            @JsonProperty("paid_at") @Nullable Long paidAt,
            @JsonProperty("failed_at") @Nullable Long failedAt,
            @JsonProperty("cancelled_at") @Nullable Long cancelledAt,
            @JsonProperty("fail_reason") @Nullable String failReason,
            @JsonProperty("card_code") @Nullable String cardCode,
            @JsonProperty("card_name") @Nullable String cardName,
            @JsonProperty("card_number") @Nullable String cardNumber,
            @JsonProperty("card_type") @Nullable Integer cardType,
            @JsonProperty("vbank_code") @Nullable String vbankCode,
            @JsonProperty("vbank_name") @Nullable String vbankName,
            @JsonProperty("vbank_num") @Nullable String vbankNum,
            @JsonProperty("vbank_holder") @Nullable String vbankHolder,
            @JsonProperty("vbank_date") @Nullable Long vbankDate,
            @JsonProperty("customer_uid") @Nullable String customerUid,
            @JsonProperty("customer_uid_usage") @Nullable String customerUidUsage,
            @JsonProperty("cancel_history") @Nullable java.util.List<CancelHistory> cancelHistory) {
    }

    /** One {@code cancel_history} entry of a payment. */
    @Serdeable
    record CancelHistory(
            @JsonProperty("pg_tid") @Nullable String pgTid,
            @Nullable BigDecimal amount,
            @JsonProperty("cancelled_at") @Nullable Long cancelledAt,
            @Nullable String reason,
            @JsonProperty("receipt_url") @Nullable String receiptUrl) {
    }

    @Serdeable
    record Customer(
            @JsonProperty("customer_uid") @Nullable String customerUid,
            @JsonProperty("pg_provider") @Nullable String pgProvider,
            @JsonProperty("customer_id") @Nullable String customerId,
            @JsonProperty("card_code") @Nullable String cardCode,
            @JsonProperty("card_name") @Nullable String cardName,
            @JsonProperty("card_number") @Nullable String cardNumber,
            @JsonProperty("card_type") @Nullable Integer cardType,
            @Nullable Boolean sandbox,
            @Nullable Long inserted) {
    }

    @Serdeable
    record Prepared(@JsonProperty("merchant_uid") @Nullable String merchantUid, @Nullable BigDecimal amount) {
    }

    @Serdeable
    record PrepareRequest(@JsonProperty("merchant_uid") String merchantUid, long amount, String currency) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CancelRequest(
            @JsonProperty("imp_uid") String impUid,
            @Nullable Long amount,
            @JsonProperty("tax_free") @Nullable Long taxFree,
            long checksum,
            String reason,
            @JsonProperty("refund_holder") @Nullable String refundHolder,
            @JsonProperty("refund_bank") @Nullable String refundBank,
            @JsonProperty("refund_account") @Nullable String refundAccount,
            @JsonProperty("refund_tel") @Nullable String refundTel) {
        @Override
        public String toString() {
            return "CancelRequest[impUid=" + impUid + ", amount=" + amount + ", checksum=" + checksum + ", refund account "
                    + (refundAccount == null ? "none" : "redacted") + "]";
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgainRequest(
            @JsonProperty("customer_uid") String customerUid,
            @JsonProperty("merchant_uid") String merchantUid,
            long amount,
            String name,
            String currency,
            @JsonProperty("notice_url") @Nullable String noticeUrl) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OnetimeRequest(
            @JsonProperty("merchant_uid") String merchantUid,
            long amount,
            String name,
            String currency,
            String pg,
            @JsonProperty("card_number") String cardNumber,
            String expiry,
            String birth,
            @JsonProperty("pwd_2digit") String pwd2digit,
            @JsonProperty("customer_uid") @Nullable String customerUid,
            @JsonProperty("notice_url") @Nullable String noticeUrl) {
        @Override
        public String toString() {
            return "OnetimeRequest[merchantUid=" + merchantUid + ", card redacted]";
        }
    }

    /** {@code channel_key} is required by the schema, and picks the PG and MID: the deprecated {@code pg} is not sent. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CustomerRequest(
            @JsonProperty("channel_key") String channelKey,
            @JsonProperty("customer_id") String customerId,
            @JsonProperty("card_number") String cardNumber,
            String expiry,
            String birth,
            @JsonProperty("pwd_2digit") String pwd2digit) {
        @Override
        public String toString() {
            return "CustomerRequest[card redacted]";
        }
    }
}
