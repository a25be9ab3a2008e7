package kr.storefront.payments.testkit.iamport;

import java.util.Comparator;
import java.util.Optional;

/** Full and partial cancellation with i'mport's checks (reference §4). */
final class Refunds {

    static final String NOTHING_TO_CANCEL = "취소할 결제건이 존재하지 않습니다.";
    static final String VBANK_REFUND_ACCOUNT_REQUIRED =
            "가상계좌 결제건의 환불에는 환불계좌정보(refund_holder, refund_bank, refund_account)가 필요합니다.";

    /**
     * @param amount   what to refund; null or 0 refunds the whole balance
     * @param checksum the balance the caller believes is left; null skips the check
     * @param refundAccount the account a virtual-account payment is refunded to (holder, bank, number); null when not sent
     */
    record Request(Long amount, Long checksum, String reason, RefundAccount refundAccount) {

        Request(Long amount, Long checksum, String reason) {
            this(amount, checksum, reason, null);
        }

        static Request full(String reason) {
            return new Request(null, null, reason);
        }
    }

    /** {@code refund_holder}, {@code refund_bank}, {@code refund_account}: each null when not sent. */
    record RefundAccount(String holder, String bank, String account) {

        /** Entered by the merchant in the console. */
        static final RefundAccount CONSOLE = new RefundAccount("console", "console", "console");

        boolean complete() {
            return holder != null && !holder.isBlank() && bank != null && !bank.isBlank() && account != null
                    && !account.isBlank();
        }

        @Override
        public String toString() {
            return "RefundAccount[redacted]";
        }
    }

    private final PaymentLedger ledger;
    private final SandboxIds ids;
    private final SandboxClock clock;

    Refunds(PaymentLedger ledger, SandboxIds ids, SandboxClock clock) {
        this.ledger = ledger;
        this.ids = ids;
        this.clock = clock;
    }

    /** The payment a merchant_uid-only cancel targets: its latest paid attempt. */
    Optional<Payment> paidPaymentOf(String merchantUid) {
        return ledger.byMerchantUid(merchantUid).stream()
                .filter(Payment::isPaid)
                .max(Comparator.comparing(Payment::impUid));
    }

    /**
     * @param impUid the payment, or null when the caller found none
     * @return the payment after the refund
     * @throws CancellationRefusedException when i'mport would refuse it
     */
    Payment cancel(String impUid, Request request) {
        if (impUid == null || ledger.find(impUid).isEmpty()) {
            throw new CancellationRefusedException(NOTHING_TO_CANCEL);
        }
        return ledger.update(impUid, payment -> refund(payment, request));
    }

    private Payment refund(Payment payment, Request request) {
        if (payment.status() == Payment.Status.CANCELLED) {
            throw new CancellationRefusedException(NOTHING_TO_CANCEL);
        }
        if (!payment.isPaid()) {
            throw new CancellationRefusedException("결제완료 상태가 아닌 결제건은 취소할 수 없습니다. (status: "
                    + payment.status().wire() + ")");
        }
        if ("vbank".equals(payment.payMethod())
                && (request.refundAccount() == null || !request.refundAccount().complete())) {
            throw new CancellationRefusedException(VBANK_REFUND_ACCOUNT_REQUIRED);
        }
        long balance = payment.balance();
        if (request.checksum() != null && request.checksum() != balance) {
            throw new CancellationRefusedException("checksum(" + request.checksum() + ")이 취소가능잔액("
                    + balance + ")과 일치하지 않습니다.");
        }
        long amount = request.amount() == null || request.amount() == 0 ? balance : request.amount();
        if (amount > balance) {
            throw new CancellationRefusedException("취소요청금액(" + amount + ")이 취소가능잔액(" + balance + ")보다 큽니다.");
        }
        var cancellation = new Payment.Cancellation(ids.pgTid(), amount, clock.epochSecond(), request.reason(),
                ids.cancellationId(), payment.receiptUrl());
        return payment.withCancellation(cancellation);
    }
}
