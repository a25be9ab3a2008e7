package kr.storefront.payments.core.confirm;

import java.time.Instant;
import java.util.List;
import kr.storefront.payments.core.domain.CardSummary;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.iamport.IamportBillingKey;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentStatus;

/** Orders and i'mport reports for the verdict tests. */
final class Reports {

    static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    static final String CUSTOMER_UID = "cuid_test";

    private Reports() {
    }

    static Order order(Pg pg, long amount) {
        return Order.pending("ord_test", OrderKind.ONE_TIME, null, "Coffee", amount, pg, "card", List.of(), null, null, NOW);
    }

    /** A billing-key window that charges nothing. */
    static Order keyOnlyWindow(Pg pg) {
        return Order.pending("ord_window", OrderKind.BILLING_KEY_ISSUE, "member-1", "Billing key", 0, pg, "card", List.of(),
                CUSTOMER_UID, null, NOW);
    }

    static IamportPayment payment(PaymentStatus status, long amount, String pgProvider) {
        return payment(status, amount, 0, pgProvider, null);
    }

    static IamportPayment payment(PaymentStatus status, long amount, long cancelled, String pgProvider, String customerUid) {
        return new IamportPayment("imp_1", "ord_test", status, amount, cancelled, "KRW", pgProvider, "card", "pc", false, "Coffee",
                status == PaymentStatus.PAID ? NOW : null, null, null, status == PaymentStatus.FAILED ? "declined" : null, null, null,
                customerUid, customerUid == null ? null : "issue");
    }

    static IamportBillingKey key(String pgProvider) {
        return new IamportBillingKey(CUSTOMER_UID, pgProvider, null, new CardSummary("366", "신한카드", "536181******4021", 0),
                false, NOW);
    }
}
