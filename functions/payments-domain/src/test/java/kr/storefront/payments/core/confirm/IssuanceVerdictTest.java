package kr.storefront.payments.core.confirm;

import static kr.storefront.payments.core.confirm.Reports.CUSTOMER_UID;
import static kr.storefront.payments.core.confirm.Reports.key;
import static kr.storefront.payments.core.confirm.Reports.keyOnlyWindow;
import static kr.storefront.payments.core.confirm.Reports.payment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.iamport.PaymentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Billing-key windows that must charge nothing: the key at i'mport decides, the window payment's shape
 * never fails a genuine key, and money it took anyway is an unexpected charge to refund (issue 15 item 5).
 */
class IssuanceVerdictTest {

    @ParameterizedTest(name = "{0} window payment {1} of {2} won → issued, no refund")
    @CsvSource({"PAYCO, PAID, 0", "PAYCO, READY, 9900", "TOSSPAYMENTS, READY, 29000", "TOSSPAYMENTS, FAILED, 29000",
            "CHAI, PAID, 0", "KAKAOPAY, PAID, 0", "TOSSPAYMENTS, UNRECOGNIZED, 29000"})
    void keyIssued_isPaid_whateverTheWindowPaymentShows(Pg pg, PaymentStatus status, long amount) {
        IssuanceVerdict verdict = IssuanceVerdict.of(keyOnlyWindow(pg), payment(status, amount, 0, pg.code(), CUSTOMER_UID),
                Optional.of(key(pg.code())));

        assertThat(verdict.target()).isEqualTo(OrderStatus.PAID);
        assertThat(verdict.unexpectedCharge()).isFalse();
    }

    @Test
    void paidWithAnAmount_onAWindowThatMustNotCharge_isAnUnexpectedCharge_andTheKeyIsStillIssued() {
        IssuanceVerdict verdict = IssuanceVerdict.of(keyOnlyWindow(Pg.TOSSPAYMENTS),
                payment(PaymentStatus.PAID, 29_000, 0, "tosspayments", CUSTOMER_UID), Optional.of(key("tosspayments")));

        assertThat(verdict.target()).isEqualTo(OrderStatus.PAID);
        assertThat(verdict.unexpectedCharge()).isTrue();
    }

    @Test
    void unexpectedCharge_alreadyRefunded_isNotRefundedAgain() {
        IssuanceVerdict verdict = IssuanceVerdict.of(keyOnlyWindow(Pg.PAYCO),
                payment(PaymentStatus.PAID, 29_000, 29_000, "payco", CUSTOMER_UID), Optional.of(key("payco")));

        assertThat(verdict.unexpectedCharge()).isFalse();
    }

    @Test
    void unexpectedCharge_isSeenAgainOnAnOrderAlreadyPaid_soARefundThatFailedIsRetried() {
        Order paid = keyOnlyWindow(Pg.PAYCO).transitionTo(OrderStatus.PAID, "imp_1", null, null, null, Reports.NOW);

        IssuanceVerdict verdict = IssuanceVerdict.of(paid, payment(PaymentStatus.PAID, 29_000, 0, "payco", CUSTOMER_UID),
                Optional.empty());

        assertThat(verdict.changesNothing()).isTrue();
        assertThat(verdict.unexpectedCharge()).isTrue();
    }

    @Test
    void noKeyYet_andAPaymentThatIsNotFinal_leavesTheOrderPending() {
        IssuanceVerdict verdict = IssuanceVerdict.of(keyOnlyWindow(Pg.TOSSPAYMENTS),
                payment(PaymentStatus.READY, 29_000, 0, "tosspayments", CUSTOMER_UID), Optional.empty());

        assertThat(verdict.changesNothing()).isTrue();
    }

    @Test
    void noKey_andAFailedWindow_failsTheOrder() {
        IssuanceVerdict verdict = IssuanceVerdict.of(keyOnlyWindow(Pg.TOSSPAYMENTS),
                payment(PaymentStatus.FAILED, 0, 0, "tosspayments", CUSTOMER_UID), Optional.empty());

        assertThat(verdict.target()).isEqualTo(OrderStatus.FAILED);
        assertThat(verdict.reason()).isEqualTo("declined");
    }

    @Test
    void aKeyHeldByAnotherPg_isForged() {
        IssuanceVerdict verdict = IssuanceVerdict.of(keyOnlyWindow(Pg.TOSSPAYMENTS),
                payment(PaymentStatus.PAID, 0, 0, "tosspayments", CUSTOMER_UID), Optional.of(key("kakaopay")));

        assertThat(verdict.target()).isEqualTo(OrderStatus.FORGED);
        assertThat(verdict.reason()).contains("kakaopay").contains("tosspayments");
    }

    @Test
    void aWindowPaymentForAnotherCustomerUid_isForged_andMoneyItTookIsRefunded() {
        IssuanceVerdict verdict = IssuanceVerdict.of(keyOnlyWindow(Pg.PAYCO),
                payment(PaymentStatus.PAID, 5_000, 0, "payco", "cuid_someone_else"), Optional.of(key("payco")));

        assertThat(verdict.target()).isEqualTo(OrderStatus.FORGED);
        assertThat(verdict.unexpectedCharge()).isTrue();
    }
}
