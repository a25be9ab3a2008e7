package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import kr.storefront.payments.core.domain.OrderStatus;

/**
 * What the storefront needs to open the payment window: {@code IMP.init(impCode)} then
 * {@code IMP.request_pay(params, callback)}.
 *
 * @param impCode     merchant code for {@code IMP.init}
 * @param merchantUid our order id
 * @param customerUid billing key being issued (billing-key windows only)
 * @param amount      amount in won, as registered with i'mport
 * @param status      the order's status (a retried request may find it already paid)
 * @param params      exactly the {@code IMP.request_pay} parameters
 */
public record CheckoutParams(String impCode, String merchantUid, @Nullable String customerUid, long amount, OrderStatus status,
                             Map<String, Object> params) {
}
