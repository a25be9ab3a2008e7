package kr.storefront.payments.core.iamport;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * The i'mport V1 REST API, as this service uses it.
 *
 * <p>Calls that move money ({@link #chargeBillingKey}, {@link #chargeCardOnce}, {@link #cancel})
 * return outcome values and never throw for a payment-level result. The others throw
 * {@link IamportUnavailableException} (retry may help), {@link IamportAuthenticationException}
 * (credentials are wrong), {@link IamportRejectedException} (i'mport said no) or
 * {@link IamportProtocolException} (unreadable answer). Reads are retried on transient failures;
 * nothing else is.
 */
public interface IamportGateway {

    /** {@code GET /payments/{imp_uid}}; empty when i'mport does not know it (or hides it as a test payment). */
    Optional<IamportPayment> findPayment(String impUid);

    /**
     * {@code GET /payments/find/{merchant_uid}[/{status}]}: the latest payment for our order id,
     * optionally only one in the given status; empty when there is none.
     */
    Optional<IamportPayment> findPaymentByMerchantUid(String merchantUid, @Nullable PaymentStatus status);

    /**
     * {@code POST /payments/prepare}: registers the amount so the checkout window refuses any other.
     *
     * @throws IamportRejectedException when i'mport refuses, e.g. the merchant_uid was already registered
     */
    void prepare(String merchantUid, long amount);

    /**
     * {@code GET /payments/prepare/{merchant_uid}}: the registered amount; empty when nothing is registered, which
     * i'mport may answer with HTTP 200 and a non-zero code (the schema documents no 404) or with a 404.
     */
    Optional<Long> findPreparedAmount(String merchantUid);

    /** {@code POST /payments/cancel}. */
    CancelOutcome cancel(PaymentCancel cancel);

    /** {@code POST /subscribe/payments/again}: charges a saved billing key. */
    ChargeOutcome chargeBillingKey(BillingKeyCharge charge);

    /** {@code POST /subscribe/payments/onetime}: charges raw card data once (Toss API mode). */
    ChargeOutcome chargeCardOnce(OneTimeCardCharge charge);

    /**
     * {@code POST /subscribe/customers/{customer_uid}}: issues a billing key from raw card data (Toss API mode).
     *
     * @throws IamportRejectedException when the card or PG refuses (message suitable for the buyer)
     */
    IamportBillingKey issueBillingKey(BillingKeyIssue issue);

    /** {@code GET /subscribe/customers/{customer_uid}}; empty when i'mport does not know the key. */
    Optional<IamportBillingKey> findBillingKey(String customerUid);

    /** {@code DELETE /subscribe/customers/{customer_uid}}; false when i'mport did not know the key. */
    boolean deleteBillingKey(String customerUid, String reason);
}
