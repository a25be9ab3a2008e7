package kr.storefront.payments.core.confirm;

import static kr.storefront.payments.core.confirm.Reports.order;
import static kr.storefront.payments.core.confirm.Reports.payment;
import static org.assertj.core.api.Assertions.assertThat;

import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.iamport.PaymentStatus;
import org.junit.jupiter.api.Test;

/** The order fixes its PG: a payment through another one is not this order's, even for the same amount (issue 15 item 8). */
class PaymentVerdictTest {

    @Test
    void paidThroughTheOrdersPg_forItsAmount_isPaid() {
        PaymentVerdict verdict = PaymentVerdict.of(order(Pg.TOSSPAYMENTS, 36_000), payment(PaymentStatus.PAID, 36_000, "tosspayments"));

        assertThat(verdict.target()).isEqualTo(OrderStatus.PAID);
        assertThat(verdict.refund()).isFalse();
    }

    @Test
    void paidThroughAnotherPg_forTheSameAmount_isForgedAndRefunded() {
        PaymentVerdict verdict = PaymentVerdict.of(order(Pg.TOSSPAYMENTS, 36_000), payment(PaymentStatus.PAID, 36_000, "kakaopay"));

        assertThat(verdict.target()).isEqualTo(OrderStatus.FORGED);
        assertThat(verdict.refund()).isTrue();
        assertThat(verdict.reason()).isEqualTo("forged: paid through PG kakaopay, but the order was opened for tosspayments");
    }

    @Test
    void paymentWithoutAPgProvider_isForged() {
        PaymentVerdict verdict = PaymentVerdict.of(order(Pg.UPLUS, 36_000), payment(PaymentStatus.PAID, 36_000, null));

        assertThat(verdict.target()).isEqualTo(OrderStatus.FORGED);
    }

    @Test
    void anotherAmount_isForged() {
        PaymentVerdict verdict = PaymentVerdict.of(order(Pg.PAYCO, 36_000), payment(PaymentStatus.PAID, 100, "payco"));

        assertThat(verdict.target()).isEqualTo(OrderStatus.FORGED);
        assertThat(verdict.reason()).contains("100 won");
    }
}
