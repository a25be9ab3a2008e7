package kr.storefront.payments.iamport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.IamportProtocolException;
import kr.storefront.payments.core.iamport.PaymentStatus;
import org.junit.jupiter.api.Test;

class PaymentMapperTest {

    @Test
    void payment_zeroTimestampsMeanNever_andUnknownStatusIsUnrecognized() {
        IamportPayment payment = PaymentMapper.payment(wire(new BigDecimal("8900"), "weird", 0L));

        assertThat(payment.paidAt()).isNull();
        assertThat(payment.status()).isEqualTo(PaymentStatus.UNRECOGNIZED);
        assertThat(payment.amount()).isEqualTo(8900);
    }

    @Test
    void payment_amountWithTrailingZeroDecimals_isAcceptedAsWholeWon() {
        assertThat(PaymentMapper.payment(wire(new BigDecimal("8900.00"), "paid", 1767225042L)).amount()).isEqualTo(8900);
    }

    @Test
    void payment_fractionalAmount_isAProtocolErrorNotRounded() {
        assertThatThrownBy(() -> PaymentMapper.payment(wire(new BigDecimal("8900.5"), "paid", 1767225042L)))
                .isInstanceOf(IamportProtocolException.class).hasMessageContaining("8900.5");
    }

    @Test
    void payment_withoutMerchantUid_isAProtocolError() {
        WirePayloads.Payment missing = new WirePayloads.Payment("imp_1", null, "card", "pc", "tosspayments", false, "x",
                BigDecimal.ONE, BigDecimal.ZERO, "KRW", "paid", 1L, 0L, 0L, null, null, null, null, null, null, null, null, null,
                0L, null, null, null);

        assertThatThrownBy(() -> PaymentMapper.payment(missing)).isInstanceOf(IamportProtocolException.class);
    }

    @Test
    void payment_fullCardNumberFromAMisbehavingPg_isMaskedBeforeWeKeepIt() {
        WirePayloads.Payment wire = new WirePayloads.Payment("imp_1", "ord_1", "card", "pc", "tosspayments", false, "x",
                BigDecimal.TEN, BigDecimal.ZERO, "KRW", "paid", 1L, 0L, 0L, null, "366", "신한카드", "5428791234560294", 0,
                null, null, null, null, 0L, null, null, null);

        assertThat(PaymentMapper.payment(wire).card().maskedNumber()).isEqualTo("542879******0294");
    }

    private static WirePayloads.Payment wire(BigDecimal amount, String status, Long paidAt) {
        return new WirePayloads.Payment("imp_1", "ord_1", "card", "pc", "tosspayments", false, "Order", amount, BigDecimal.ZERO,
                "KRW", status, paidAt, 0L, 0L, null, null, null, null, null, null, null, null, null, 0L, null, null, null);
    }
}
