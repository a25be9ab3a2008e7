package kr.storefront.payments.core.checkout;

import java.util.List;
import kr.storefront.payments.core.domain.OrderLine;

/**
 * An order priced from our catalog.
 *
 * @param name   order name (≤ 40 chars)
 * @param amount total in won
 * @param lines  priced catalog lines (empty for a plan)
 * @param digital nothing physical is sold: every product is digital (or the plan is)
 */
public record PricedOrder(String name, long amount, List<OrderLine> lines, boolean digital) {
}
