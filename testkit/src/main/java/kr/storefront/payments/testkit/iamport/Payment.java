package kr.storefront.payments.testkit.iamport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only snapshot of one payment, the §2.2 payment object in Java types. Times are UNIX seconds
 * on the sandbox clock and 0 when not applicable, exactly as on the wire; money is whole won.
 * {@code noticeUrl} and {@code updatedAt} are sandbox bookkeeping, not part of the API's object.
 */
public record Payment(
        String impUid,
        String merchantUid,
        String payMethod,
        Channel channel,
        String pgProvider,
        String pgId,
        String pgTid,
        boolean sandbox,
        boolean escrow,
        String name,
        long amount,
        long cancelAmount,
        String currency,
        Status status,
        long startedAt,
        long paidAt,
        long failedAt,
        long cancelledAt,
        String failReason,
        String cancelReason,
        String applyNum,
        CardDetails card,
        int cardQuota,
        BankDetails bank,
        VirtualAccount vbank,
        Contact buyer,
        String customData,
        String userAgent,
        String receiptUrl,
        List<Cancellation> cancelHistory,
        String customerUid,
        CustomerUidUsage customerUidUsage,
        URI noticeUrl,
        long updatedAt) {

    public Payment {
        Objects.requireNonNull(impUid, "impUid");
        Objects.requireNonNull(merchantUid, "merchantUid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(buyer, "buyer");
        cancelHistory = List.copyOf(cancelHistory);
    }

    public enum Status {
        READY, PAID, FAILED, CANCELLED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Status> fromWire(String value) {
            for (Status status : values()) {
                if (status.wire().equals(value)) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }
    }

    public enum Channel {
        PC, MOBILE, API;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a payment carries a {@code customer_uid}. */
    public enum CustomerUidUsage {
        /** Billing-key issuance through the checkout window. */
        ISSUE,
        /** A charge of a billing key or raw card data (again, onetime). */
        PAYMENT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Bank of an account transfer ({@code bank_code}, {@code bank_name}). */
    public record BankDetails(String bankCode, String bankName) {
    }

    /** The {@code vbank_*} fields; {@code holder} is null for tosspayments. */
    public record VirtualAccount(String code, String name, String num, String holder, long date, long issuedAt) {
    }

    /** One {@code cancel_history} entry. */
    public record Cancellation(String pgTid, long amount, long cancelledAt, String reason, String cancellationId,
                               String receiptUrl) {
    }

    /** What is left to refund. */
    public long balance() {
        return amount - cancelAmount;
    }

    public boolean isPaid() {
        return status == Status.PAID;
    }

    /** An issued virtual account nobody has paid into yet. */
    boolean awaitsDeposit() {
        return status == Status.READY && vbank != null;
    }

    /** The most recent {@code cancel_history} entry, of a payment that has one. */
    Cancellation latestCancellation() {
        return cancelHistory.get(cancelHistory.size() - 1);
    }

    Payment paid(long at) {
        return toBuilder().paid(at).build();
    }

    /** Adds a refund; the payment becomes cancelled once nothing is left. */
    Payment withCancellation(Cancellation cancellation) {
        var history = new ArrayList<>(cancelHistory);
        history.add(cancellation);
        Builder next = toBuilder()
                .cancelAmount(cancelAmount + cancellation.amount())
                .cancelReason(cancellation.reason())
                .cancelHistory(history)
                .updatedAt(cancellation.cancelledAt());
        if (cancelAmount + cancellation.amount() == amount) {
            next.status(Status.CANCELLED).cancelledAt(cancellation.cancelledAt());
        }
        return next.build();
    }

    static Builder builder() {
        return new Builder();
    }

    Builder toBuilder() {
        return new Builder()
                .impUid(impUid).merchantUid(merchantUid).payMethod(payMethod).channel(channel)
                .pgProvider(pgProvider).pgId(pgId).pgTid(pgTid).sandbox(sandbox).escrow(escrow).name(name)
                .amount(amount).cancelAmount(cancelAmount).currency(currency).status(status)
                .startedAt(startedAt).paidAt(paidAt).failedAt(failedAt).cancelledAt(cancelledAt)
                .failReason(failReason).cancelReason(cancelReason).applyNum(applyNum).card(card).cardQuota(cardQuota)
                .bank(bank).vbank(vbank).buyer(buyer).customData(customData).userAgent(userAgent)
                .receiptUrl(receiptUrl).cancelHistory(cancelHistory).customerUid(customerUid)
                .customerUidUsage(customerUidUsage).noticeUrl(noticeUrl).updatedAt(updatedAt);
    }

    static final class Builder {
        private String impUid;
        private String merchantUid;
        private String payMethod = "card";
        private Channel channel = Channel.PC;
        private String pgProvider;
        private String pgId;
        private String pgTid;
        private boolean sandbox;
        private boolean escrow;
        private String name;
        private long amount;
        private long cancelAmount;
        private String currency = "KRW";
        private Status status = Status.READY;
        private long startedAt;
        private long paidAt;
        private long failedAt;
        private long cancelledAt;
        private String failReason;
        private String cancelReason;
        private String applyNum;
        private CardDetails card;
        private int cardQuota;
        private BankDetails bank;
        private VirtualAccount vbank;
        private Contact buyer = Contact.NONE;
        private String customData;
        private String userAgent;
        private String receiptUrl;
        private List<Cancellation> cancelHistory = List.of();
        private String customerUid;
        private CustomerUidUsage customerUidUsage;
        private URI noticeUrl;
        private long updatedAt;

        private Builder() {
        }

        Builder impUid(String value) { impUid = value; return this; }
        Builder merchantUid(String value) { merchantUid = value; return this; }
        Builder payMethod(String value) { payMethod = value; return this; }
        Builder channel(Channel value) { channel = value; return this; }
        Builder pgProvider(String value) { pgProvider = value; return this; }
        Builder pgId(String value) { pgId = value; return this; }
        Builder pgTid(String value) { pgTid = value; return this; }
        Builder sandbox(boolean value) { sandbox = value; return this; }
        Builder escrow(boolean value) { escrow = value; return this; }
        Builder name(String value) { name = value; return this; }
        Builder amount(long value) { amount = value; return this; }
        Builder cancelAmount(long value) { cancelAmount = value; return this; }
        Builder currency(String value) { currency = value; return this; }
        Builder status(Status value) { status = value; return this; }
        Builder startedAt(long value) { startedAt = value; return this; }
        Builder paidAt(long value) { paidAt = value; return this; }
        Builder failedAt(long value) { failedAt = value; return this; }
        Builder cancelledAt(long value) { cancelledAt = value; return this; }
        Builder failReason(String value) { failReason = value; return this; }
        Builder cancelReason(String value) { cancelReason = value; return this; }
        Builder applyNum(String value) { applyNum = value; return this; }
        Builder card(CardDetails value) { card = value; return this; }
        Builder cardQuota(int value) { cardQuota = value; return this; }
        Builder bank(BankDetails value) { bank = value; return this; }
        Builder vbank(VirtualAccount value) { vbank = value; return this; }
        Builder buyer(Contact value) { buyer = value; return this; }
        Builder customData(String value) { customData = value; return this; }
        Builder userAgent(String value) { userAgent = value; return this; }
        Builder receiptUrl(String value) { receiptUrl = value; return this; }
        Builder cancelHistory(List<Cancellation> value) { cancelHistory = value; return this; }
        Builder customerUid(String value) { customerUid = value; return this; }
        Builder customerUidUsage(CustomerUidUsage value) { customerUidUsage = value; return this; }
        Builder noticeUrl(URI value) { noticeUrl = value; return this; }
        Builder updatedAt(long value) { updatedAt = value; return this; }

        Builder paid(long at) {
            return status(Status.PAID).paidAt(at).updatedAt(at);
        }

        Builder failed(long at, String reason) {
            return status(Status.FAILED).failedAt(at).failReason(reason).updatedAt(at);
        }

        long amount() {
            return amount;
        }

        String payMethod() {
            return payMethod;
        }

        Payment build() {
            return new Payment(impUid, merchantUid, payMethod, channel, pgProvider, pgId, pgTid, sandbox, escrow, name,
                    amount, cancelAmount, currency, status, startedAt, paidAt, failedAt, cancelledAt, failReason,
                    cancelReason, applyNum, card, cardQuota, bank, vbank, buyer, customData, userAgent, receiptUrl,
                    cancelHistory, customerUid, customerUidUsage, noticeUrl, updatedAt);
        }
    }
}
