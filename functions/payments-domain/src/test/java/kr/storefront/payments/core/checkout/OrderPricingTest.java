package kr.storefront.payments.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.storefront.payments.core.domain.OrderLine;
import org.junit.jupiter.api.Test;

class OrderPricingTest {

    @Test
    void orderName_oneLine_isTheProductName() {
        assertThat(OrderPricing.orderName(List.of(new OrderLine("A", "원두 1kg", 1000, 1)))).isEqualTo("원두 1kg");
    }

    @Test
    void orderName_severalLines_countsTheOthers() {
        assertThat(OrderPricing.orderName(List.of(new OrderLine("A", "원두 1kg", 1000, 1), new OrderLine("B", "드리퍼", 1, 1),
                new OrderLine("C", "필터", 1, 3)))).isEqualTo("원두 1kg 외 2건");
    }

    @Test
    void orderName_isCutToFortyCharacters_neverInsideACharacter() {
        String longName = "😀".repeat(30) + "가".repeat(20);

        String name = OrderPricing.orderName(List.of(new OrderLine("A", longName, 1, 1)));

        assertThat(name.codePointCount(0, name.length())).isEqualTo(40);
        assertThat(name).startsWith("😀".repeat(30)).endsWith("가".repeat(10));
    }
}
