package kr.storefront.payments.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kr.storefront.payments.core.checkout.CheckoutParams;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.WindowResult;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation sweep of the rebill run: orders left open past {@code pending-order-threshold}
 * (30 min) and younger than {@code pending-order-max-age} (7 days) are confirmed by merchant_uid, so a
 * lost webhook never loses a paid order. Every order here is paid (or not) with no webhook at all.
 */
class RebillOrderSweepIT extends RebillTestSupport {

    private static final Duration PAST_THRESHOLD = Duration.ofMinutes(31);

    @Test
    void paidOrderWhoseWebhookWasLost_isPaidAfterTheNextRun() {
        CheckoutParams order = bed.openOrder();
        WindowResult window = bed.pay(order);
        assertThat(bed.order(order.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
        bed.clock.advance(PAST_THRESHOLD);

        RebillReport report = bed.run();

        Order swept = bed.order(order.merchantUid());
        assertThat(swept.status()).isEqualTo(OrderStatus.PAID);
        assertThat(swept.impUid()).isEqualTo(window.impUid());
        assertThat(report.ordersChecked()).isEqualTo(1);
        assertThat(report.ordersConfirmed()).isEqualTo(1);
        assertThat(report.errors()).isZero();
    }

    @Test
    void orderNeverPaid_staysPending_andIsCheckedAgainByLaterRuns() {
        CheckoutParams order = bed.openOrder();
        bed.clock.advance(PAST_THRESHOLD);

        RebillReport first = bed.run();
        bed.clock.advance(Duration.ofHours(1));
        RebillReport second = bed.run();

        assertThat(bed.order(order.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(first.ordersChecked()).isEqualTo(1);
        assertThat(first.ordersConfirmed()).isZero();
        assertThat(second.ordersChecked()).isEqualTo(1);
        assertThat(bed.sandbox.count(Endpoint.CANCEL)).isZero();
    }

    @Test
    void tamperedAmount_isForgedAndRefunded_asVerifyWouldDo() {
        CheckoutParams order = bed.openOrder();
        WindowResult window = bed.payTampered(order, 1_000);
        bed.clock.advance(PAST_THRESHOLD);

        RebillReport report = bed.run();

        Order swept = bed.order(order.merchantUid());
        assertThat(swept.status()).isEqualTo(OrderStatus.FORGED);
        assertThat(swept.failReason()).contains("1000 won").contains(RebillTestBed.ORDER_PRICE + " won");
        assertThat(bed.sandbox.payment(window.impUid()).orElseThrow().isPaid()).isFalse();
        assertThat(bed.sandbox.count(Endpoint.CANCEL)).isEqualTo(1);
        assertThat(report.ordersForged()).isEqualTo(1);

        RebillReport again = bed.run();
        assertThat(again.ordersChecked()).isZero();
        assertThat(bed.sandbox.count(Endpoint.CANCEL)).isEqualTo(1);
    }

    @Test
    void onlyOrdersBetweenTheThresholdAndTheMaximumAge_areChecked() {
        CheckoutParams tooOld = bed.openOrder();
        bed.pay(tooOld);
        bed.clock.advance(Duration.ofDays(7).plusMinutes(1));
        CheckoutParams tooYoung = bed.openOrder();
        bed.pay(tooYoung);
        bed.clock.advance(Duration.ofMinutes(10));
        long lookups = bed.sandbox.count(Endpoint.FIND_PAYMENT);

        RebillReport report = bed.run();

        assertThat(report.ordersChecked()).isZero();
        assertThat(bed.sandbox.count(Endpoint.FIND_PAYMENT)).isEqualTo(lookups);
        assertThat(bed.order(tooOld.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(bed.order(tooYoung.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);

        bed.clock.advance(Duration.ofMinutes(21));
        RebillReport later = bed.run();

        assertThat(later.ordersConfirmed()).isEqualTo(1);
        assertThat(bed.order(tooYoung.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(bed.order(tooOld.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
    }
}
