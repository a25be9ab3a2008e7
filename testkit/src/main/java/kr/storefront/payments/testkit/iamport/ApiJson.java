package kr.storefront.payments.testkit.iamport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Wire shapes of the response objects, field for field as in the V1 spec (reference §1.1, §2.2, §3, §5.5). */
final class ApiJson {

    private ApiJson() {
    }

    static Map<String, Object> token(AccessToken token, long now) {
        return object("access_token", token.value(), "now", now, "expired_at", token.expiredAt());
    }

    static Map<String, Object> prepared(PreparedPayment prepared) {
        return object("merchant_uid", prepared.merchantUid(), "amount", prepared.amount(), "currency", prepared.currency());
    }

    static Map<String, Object> payment(Payment p) {
        CardDetails card = p.card();
        Payment.BankDetails bank = p.bank();
        Payment.VirtualAccount vbank = p.vbank();
        var json = new LinkedHashMap<String, Object>();
        json.put("imp_uid", p.impUid());
        json.put("merchant_uid", p.merchantUid());
        json.put("pay_method", p.payMethod());
        json.put("channel", p.channel().wire());
        json.put("pg_provider", p.pgProvider());
        json.put("emb_pg_provider", null);
        json.put("pg_tid", p.pgTid());
        json.put("pg_id", p.pgId());
        json.put("sandbox", p.sandbox());
        json.put("escrow", p.escrow());
        json.put("apply_num", p.applyNum());
        json.put("bank_code", field(bank, Payment.BankDetails::bankCode));
        json.put("bank_name", field(bank, Payment.BankDetails::bankName));
        json.put("card_code", field(card, CardDetails::cardCode));
        json.put("card_name", field(card, CardDetails::cardName));
        json.put("card_number", field(card, CardDetails::cardNumber));
        json.put("card_quota", p.cardQuota());
        json.put("card_type", field(card, CardDetails::cardType));
        json.put("vbank_code", field(vbank, Payment.VirtualAccount::code));
        json.put("vbank_name", field(vbank, Payment.VirtualAccount::name));
        json.put("vbank_num", field(vbank, Payment.VirtualAccount::num));
        json.put("vbank_holder", field(vbank, Payment.VirtualAccount::holder));
        json.put("vbank_date", vbank == null ? 0L : vbank.date());
        json.put("vbank_issued_at", vbank == null ? 0L : vbank.issuedAt());
        json.put("name", p.name());
        json.put("amount", p.amount());
        json.put("cancel_amount", p.cancelAmount());
        json.put("currency", p.currency());
        json.put("buyer_name", p.buyer().name());
        json.put("buyer_email", p.buyer().email());
        json.put("buyer_tel", p.buyer().tel());
        json.put("buyer_addr", p.buyer().addr());
        json.put("buyer_postcode", p.buyer().postcode());
        json.put("custom_data", p.customData());
        json.put("user_agent", p.userAgent());
        json.put("status", p.status().wire());
        json.put("started_at", p.startedAt());
        json.put("paid_at", p.paidAt());
        json.put("failed_at", p.failedAt());
        json.put("cancelled_at", p.cancelledAt());
        json.put("fail_reason", p.failReason());
        json.put("cancel_reason", p.cancelReason());
        json.put("receipt_url", p.receiptUrl());
        json.put("cancel_history", p.cancelHistory().stream().map(ApiJson::cancellation).toList());
        json.put("cash_receipt_issued", false);
        json.put("customer_uid", p.customerUid());
        json.put("customer_uid_usage", field(p.customerUidUsage(), Payment.CustomerUidUsage::wire));
        json.put("promotion", null);
        return json;
    }

    static Map<String, Object> billingKey(BillingKey key) {
        var json = new LinkedHashMap<String, Object>();
        json.put("customer_uid", key.customerUid());
        json.put("pg_provider", key.pgProvider());
        json.put("pg_id", key.pgId());
        json.put("card_name", key.card().cardName());
        json.put("card_code", key.card().cardCode());
        json.put("card_number", key.card().cardNumber());
        json.put("card_type", key.card().cardType());
        json.put("customer_id", key.customerId());
        json.put("customer_name", key.customer().name());
        json.put("customer_tel", key.customer().tel());
        json.put("customer_email", key.customer().email());
        json.put("customer_addr", key.customer().addr());
        json.put("customer_postcode", key.customer().postcode());
        json.put("inserted", key.inserted());
        json.put("updated", key.updated());
        json.put("sandbox", key.sandbox());
        return json;
    }

    private static Map<String, Object> cancellation(Payment.Cancellation c) {
        return object("pg_tid", c.pgTid(), "amount", c.amount(), "cancelled_at", c.cancelledAt(), "reason", c.reason(),
                "cancellation_id", c.cancellationId(), "receipt_url", c.receiptUrl());
    }

    /** A JSON object from alternating keys and values; values may be null, unlike {@code Map.of}. */
    static Map<String, Object> object(Object... keysAndValues) {
        var object = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static <T, R> R field(T holder, Function<T, R> getter) {
        return holder == null ? null : getter.apply(holder);
    }
}
