package kr.storefront.payments.iamport.client;

import java.math.BigDecimal;
import java.time.Instant;
import kr.storefront.payments.core.domain.CardSummary;
import kr.storefront.payments.core.domain.VirtualAccount;
import kr.storefront.payments.core.iamport.CancelHistoryEntry;
import kr.storefront.payments.core.iamport.IamportBillingKey;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.IamportProtocolException;
import kr.storefront.payments.core.iamport.PaymentStatus;

/** Turns i'mport's wire objects into our view of them, refusing anything we could misread. */
final class PaymentMapper {

    private PaymentMapper() {
    }

    static IamportPayment payment(WirePayloads.Payment wire) {
        if (wire.impUid() == null || wire.merchantUid() == null || wire.amount() == null || wire.status() == null) {
            throw new IamportProtocolException("payment lacks imp_uid, merchant_uid, amount or status", null);
        }
        CardSummary card = wire.cardNumber() == null && wire.cardName() == null ? null
                : new CardSummary(wire.cardCode(), wire.cardName(), wire.cardNumber(), wire.cardType());
        VirtualAccount account = wire.vbankNum() == null ? null
                : new VirtualAccount(wire.vbankCode(), wire.vbankName(), wire.vbankNum(), wire.vbankHolder(), instant(wire.vbankDate()));
        return new IamportPayment(
                wire.impUid(),
                wire.merchantUid(),
                PaymentStatus.fromCode(wire.status()),
                won(wire.amount(), "amount"),
                wire.cancelAmount() == null ? 0 : won(wire.cancelAmount(), "cancel_amount"),
                wire.currency() == null ? "KRW" : wire.currency(),
                wire.pgProvider(),
                wire.payMethod(),
                wire.channel(),
                Boolean.TRUE.equals(wire.sandbox()),
                wire.name(),
                instant(wire.paidAt()),
                instant(wire.failedAt()),
                instant(wire.cancelledAt()),
                wire.failReason(),
                card,
                account,
                wire.customerUid(),
                wire.customerUidUsage(),
                wire.cancelHistory() == null ? java.util.List.of() : wire.cancelHistory().stream()
                        .filter(java.util.Objects::nonNull)
                        .map(entry -> new CancelHistoryEntry(entry.pgTid(),
                                entry.amount() == null ? 0 : won(entry.amount(), "cancel_history.amount"),
                                instant(entry.cancelledAt()), entry.reason(), entry.receiptUrl()))
                        .toList());
    }

    static IamportBillingKey billingKey(WirePayloads.Customer wire) {
        if (wire.customerUid() == null) {
            throw new IamportProtocolException("billing key lacks customer_uid", null);
        }
        return new IamportBillingKey(
                wire.customerUid(),
                wire.pgProvider(),
                wire.customerId(),
                new CardSummary(wire.cardCode(), wire.cardName(), wire.cardNumber(), wire.cardType()),
                Boolean.TRUE.equals(wire.sandbox()),
                instant(wire.inserted()));
    }

    /** Won are whole numbers; a fractional or huge value is a protocol error, never rounded. */
    static long won(BigDecimal value, String field) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IamportProtocolException(field + " is not a whole number of won: " + value.toPlainString(), e);
        }
    }

    /** i'mport uses 0 for "never". */
    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null || epochSeconds == 0 ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
