package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;

/**
 * A signed-in customer's request for a billing-key (customer_uid) window.
 *
 * @param customerId        JWT {@code sub}
 * @param idempotencyKey    the client's {@code Idempotency-Key}, or null
 * @param pg                PG code, may be omitted when only one is enabled
 * @param payMethod         pay_method, defaulted per PG
 * @param planId            plan whose amount the window shows (or, for kakaopay with
 *                          {@code chargeFirstPeriod}, charges)
 * @param chargeFirstPeriod explicitly charge the plan's first period in the window (kakaopay only)
 * @param buyer             buyer fields
 * @param device            PC or mobile
 * @param apiBaseUrl        public root of this API
 */
public record BillingWindowRequest(String customerId, @Nullable String idempotencyKey, @Nullable String pg,
                                   @Nullable String payMethod, @Nullable String planId, boolean chargeFirstPeriod, Buyer buyer,
                                   Device device, URI apiBaseUrl) {

    public BillingWindowRequest {
        buyer = buyer == null ? Buyer.none() : buyer;
    }

    String canonical() {
        return Canonical.of("billing-window", customerId, pg, payMethod, planId, chargeFirstPeriod, buyer.name(), buyer.tel(),
                buyer.email(), buyer.addr(), buyer.postcode(), device);
    }
}
