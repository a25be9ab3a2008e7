package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import kr.storefront.payments.core.domain.CardSummary;
import kr.storefront.payments.core.domain.VirtualAccount;

/**
 * A payment as i'mport reports it, reduced to what we check and keep. Buyer contact fields are
 * deliberately not carried, so they cannot reach our logs or store.
 *
 * @param impUid           i'mport's payment id
 * @param merchantUid      our order id
 * @param status           status at i'mport
 * @param amount           original amount in won
 * @param cancelledAmount  cumulative refunded amount in won
 * @param currency         e.g. {@code KRW}
 * @param pgProvider       PG code, e.g. {@code tosspayments}
 * @param payMethod        e.g. {@code card}, {@code vbank}
 * @param channel          {@code pc}, {@code mobile} or {@code api}
 * @param sandbox          true for test-channel payments
 * @param name             order name shown to the buyer
 * @param paidAt           when it was paid, null if never
 * @param failedAt         when it failed, null if never
 * @param cancelledAt      when it was cancelled, null if never
 * @param failReason       PG's reason for a failure
 * @param card             card details for card payments
 * @param virtualAccount   issued account for vbank payments
 * @param customerUid      billing key used or issued, if any
 * @param customerUidUsage {@code issue}, {@code payment}, {@code payment.scheduled} or null
 * @param cancelHistory    the refunds applied, oldest first (their amounts add up to {@code cancelledAmount})
 */
public record IamportPayment(
        String impUid,
        String merchantUid,
        PaymentStatus status,
        long amount,
        long cancelledAmount,
        String currency,
        @Nullable String pgProvider,
        @Nullable String payMethod,
        @Nullable String channel,
        boolean sandbox,
        @Nullable String name,
        @Nullable Instant paidAt,
        @Nullable Instant failedAt,
        @Nullable Instant cancelledAt,
        @Nullable String failReason,
        @Nullable CardSummary card,
        @Nullable VirtualAccount virtualAccount,
        @Nullable String customerUid,
        @Nullable String customerUidUsage,
        List<CancelHistoryEntry> cancelHistory) {

    public IamportPayment {
        cancelHistory = cancelHistory == null ? List.of() : List.copyOf(cancelHistory);
    }

    /** A payment without refund entries. */
    public IamportPayment(String impUid, String merchantUid, PaymentStatus status, long amount, long cancelledAmount,
                          String currency, @Nullable String pgProvider, @Nullable String payMethod, @Nullable String channel,
                          boolean sandbox, @Nullable String name, @Nullable Instant paidAt, @Nullable Instant failedAt,
                          @Nullable Instant cancelledAt, @Nullable String failReason, @Nullable CardSummary card,
                          @Nullable VirtualAccount virtualAccount, @Nullable String customerUid,
                          @Nullable String customerUidUsage) {
        this(impUid, merchantUid, status, amount, cancelledAmount, currency, pgProvider, payMethod, channel, sandbox, name,
                paidAt, failedAt, cancelledAt, failReason, card, virtualAccount, customerUid, customerUidUsage, List.of());
    }

    /** What can still be refunded; the {@code checksum} a cancel must carry. */
    public long refundableAmount() {
        return amount - cancelledAmount;
    }
}
