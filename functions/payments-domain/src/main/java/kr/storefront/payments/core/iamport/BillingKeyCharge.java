package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;

/**
 * A charge of a saved billing key ({@code POST /subscribe/payments/again}).
 *
 * @param customerUid the billing key
 * @param merchantUid our id for this attempt (≤ 40 chars), stored before the call
 * @param amount      amount in won, from our records
 * @param name        order name (≤ 40 chars)
 * @param noticeUrl   webhook URL for this payment, or null for the console's
 */
public record BillingKeyCharge(
        String customerUid,
        String merchantUid,
        long amount,
        String name,
        @Nullable String noticeUrl) {
}
