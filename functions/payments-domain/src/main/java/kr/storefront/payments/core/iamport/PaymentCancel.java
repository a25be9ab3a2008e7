package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;

/**
 * A refund request ({@code POST /payments/cancel}).
 *
 * @param impUid   the payment
 * @param amount   amount to refund in won; null for everything that is left
 * @param checksum the refundable balance as we believe it to be; i'mport refuses if it differs,
 *                 which makes a retried refund harmless
 * @param reason   shown in i'mport's console and to the PG
 */
public record PaymentCancel(String impUid, @Nullable Long amount, long checksum, String reason) {
}
