package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;

/**
 * A one-off charge with raw card data ({@code POST /subscribe/payments/onetime}).
 *
 * @param merchantUid our order id
 * @param amount      amount in won
 * @param name        order name
 * @param pg          {@code tosspayments} or {@code tosspayments.<MID>}
 * @param card        the card, passed through and forgotten
 * @param customerUid when set, i'mport also saves the card under this billing key (the schema takes no
 *                    customer_id here: a Toss customer key is only given with {@code POST /subscribe/customers})
 * @param noticeUrl   webhook URL for this payment, or null for the console's
 */
public record OneTimeCardCharge(
        String merchantUid,
        long amount,
        String name,
        String pg,
        CardDetails card,
        @Nullable String customerUid,
        @Nullable String noticeUrl) {
}
