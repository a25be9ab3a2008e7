package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import kr.storefront.payments.core.domain.CardSummary;
import kr.storefront.payments.core.domain.VirtualAccount;
import kr.storefront.payments.core.iamport.CancelHistoryEntry;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentStatus;

/**
 * Builds an {@link IamportPayment} as i'mport would report it, starting from a paid card payment on the tosspayments
 * test-free channel ({@code sandbox: false}) at {@link #DEFAULT_TIME}. Seed it with {@link FakeIamportGateway#seedPayment}.
 */
public final class IamportPaymentBuilder {

    /** The time seeded payments carry unless told otherwise (the start of a fresh {@link MutableClock}). */
    public static final Instant DEFAULT_TIME = Instant.parse("2026-06-01T00:00:00Z");

    /** The card seeded payments and billing keys carry unless told otherwise. */
    public static final CardSummary DEFAULT_CARD = new CardSummary("366", "신한카드", "542879******0294", 0);

    private final String impUid;
    private final String merchantUid;
    private long amount;
    private PaymentStatus status = PaymentStatus.PAID;
    private long cancelledAmount;
    private String currency = "KRW";
    private String pgProvider = "tosspayments";
    private String payMethod = "card";
    private String channel = "pc";
    private boolean sandbox;
    private String name = "테스트 주문";
    private Instant paidAt = DEFAULT_TIME;
    private Instant failedAt;
    private Instant cancelledAt;
    private String failReason;
    private CardSummary card = DEFAULT_CARD;
    private VirtualAccount virtualAccount;
    private String customerUid;
    private String customerUidUsage;
    private java.util.List<CancelHistoryEntry> cancelHistory = new java.util.ArrayList<>();

    private IamportPaymentBuilder(String impUid, String merchantUid, long amount) {
        this.impUid = impUid;
        this.merchantUid = merchantUid;
        this.amount = amount;
    }

    /** A paid card payment of {@code amount} won. */
    public static IamportPaymentBuilder paid(String impUid, String merchantUid, long amount) {
        return new IamportPaymentBuilder(impUid, merchantUid, amount);
    }

    /** A copy of {@code payment} to change, e.g. to seed what happened at i'mport since (a console refund, a deposit). */
    public static IamportPaymentBuilder from(IamportPayment payment) {
        IamportPaymentBuilder builder = new IamportPaymentBuilder(payment.impUid(), payment.merchantUid(), payment.amount());
        builder.status = payment.status();
        builder.cancelledAmount = payment.cancelledAmount();
        builder.currency = payment.currency();
        builder.pgProvider = payment.pgProvider();
        builder.payMethod = payment.payMethod();
        builder.channel = payment.channel();
        builder.sandbox = payment.sandbox();
        builder.name = payment.name();
        builder.paidAt = payment.paidAt();
        builder.failedAt = payment.failedAt();
        builder.cancelledAt = payment.cancelledAt();
        builder.failReason = payment.failReason();
        builder.card = payment.card();
        builder.virtualAccount = payment.virtualAccount();
        builder.customerUid = payment.customerUid();
        builder.customerUidUsage = payment.customerUidUsage();
        builder.cancelHistory = new java.util.ArrayList<>(payment.cancelHistory());
        return builder;
    }

    /** The window was opened but not finished: {@code ready}, nothing paid. */
    public IamportPaymentBuilder ready() {
        status = PaymentStatus.READY;
        paidAt = null;
        return this;
    }

    /** The PG refused it at {@code at}: {@code failed} with {@code reason}, nothing paid. */
    public IamportPaymentBuilder failed(String reason, Instant at) {
        status = PaymentStatus.FAILED;
        paidAt = null;
        failedAt = at;
        failReason = reason;
        return this;
    }

    /** A virtual account was issued and waits for the deposit: {@code ready}, pay_method {@code vbank}, no card. */
    public IamportPaymentBuilder awaitingDeposit(VirtualAccount account) {
        ready();
        payMethod = "vbank";
        card = null;
        virtualAccount = account;
        return this;
    }

    /** {@code refunded} won were cancelled so far; the status becomes {@code cancelled} once nothing is left, as at i'mport. */
    public IamportPaymentBuilder refunded(long refunded, Instant at) {
        if (refunded > cancelledAmount) {
            cancelHistory.add(new CancelHistoryEntry("pgtid_c" + (cancelHistory.size() + 1), refunded - cancelledAmount, at,
                    "refund", null));
        }
        cancelledAmount = refunded;
        if (refunded == amount) {
            status = PaymentStatus.CANCELLED;
            cancelledAt = at;
        }
        return this;
    }

    public IamportPaymentBuilder status(PaymentStatus value) {
        status = value;
        return this;
    }

    /** What i'mport reports as the amount (to seed a tampered or mismatched payment). */
    public IamportPaymentBuilder amount(long value) {
        amount = value;
        return this;
    }

    public IamportPaymentBuilder currency(String value) {
        currency = value;
        return this;
    }

    public IamportPaymentBuilder pgProvider(@Nullable String value) {
        pgProvider = value;
        return this;
    }

    public IamportPaymentBuilder payMethod(@Nullable String value) {
        payMethod = value;
        return this;
    }

    /** {@code pc}, {@code mobile} or {@code api}. */
    public IamportPaymentBuilder channel(@Nullable String value) {
        channel = value;
        return this;
    }

    /** Paid on a test channel ({@code sandbox: true}). */
    public IamportPaymentBuilder sandbox(boolean value) {
        sandbox = value;
        return this;
    }

    public IamportPaymentBuilder name(@Nullable String value) {
        name = value;
        return this;
    }

    public IamportPaymentBuilder paidAt(@Nullable Instant value) {
        paidAt = value;
        return this;
    }

    public IamportPaymentBuilder card(@Nullable CardSummary value) {
        card = value;
        return this;
    }

    /** Paid with (or, for usage {@code issue}, issuing) the billing key {@code value}. */
    public IamportPaymentBuilder customerUid(@Nullable String value, @Nullable String usage) {
        customerUid = value;
        customerUidUsage = usage;
        return this;
    }

    public IamportPayment build() {
        return new IamportPayment(impUid, merchantUid, status, amount, cancelledAmount, currency, pgProvider, payMethod, channel,
                sandbox, name, paidAt, failedAt, cancelledAt, failReason, card, virtualAccount, customerUid, customerUidUsage, cancelHistory);
    }
}
