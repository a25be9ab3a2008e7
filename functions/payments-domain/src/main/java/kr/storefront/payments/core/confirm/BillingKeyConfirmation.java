package kr.storefront.payments.core.confirm;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.iamport.IamportBillingKey;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.OptimisticUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the billing key behind a billing-key window. i'mport sends no webhook for issuance,
 * so the key is confirmed with {@code GET /subscribe/customers/{customer_uid}} whenever its
 * window's order is confirmed, and only i'mport's masked card details are kept.
 */
@Singleton
class BillingKeyConfirmation {

    private static final Logger LOG = LoggerFactory.getLogger(BillingKeyConfirmation.class);

    private final IamportGateway gateway;
    private final BillingKeyStore keys;
    private final Clock clock;

    BillingKeyConfirmation(IamportGateway gateway, BillingKeyStore keys, Clock clock) {
        this.gateway = gateway;
        this.keys = keys;
        this.clock = clock;
    }

    /** The key at i'mport under the window's customer_uid; empty when not issued (yet). */
    Optional<IamportBillingKey> lookUp(Order issuance) {
        return issuance.customerUid() == null ? Optional.empty() : gateway.findBillingKey(issuance.customerUid());
    }

    /**
     * Brings the key of a window that charged (kakaopay's first period) in line with its order: active
     * once the charge is paid and i'mport holds the key, failed with the charge; safe to repeat.
     */
    void settle(Order issuance) {
        settle(issuance, () -> lookUp(issuance));
    }

    /**
     * Brings the key in line with its issuance order; safe to repeat. {@code atIamport} (the key as i'mport
     * holds it) is asked only when a paid order's key is not active yet, so a repeated confirmation costs no
     * i'mport call.
     */
    void settle(Order issuance, Supplier<Optional<IamportBillingKey>> atIamport) {
        if (issuance.customerId() == null || issuance.customerUid() == null) {
            return;
        }
        boolean failed = issuance.status() == OrderStatus.FAILED || issuance.status() == OrderStatus.FORGED;
        if (!failed && issuance.status() != OrderStatus.PAID) {
            return; // not issued (yet): nothing to record
        }
        Optional<BillingKey> stored = keys.find(issuance.customerId(), issuance.customerUid());
        if (stored.isEmpty()) {
            LOG.warn("billing key {} of order {} is not in the store", issuance.customerUid(), issuance.merchantUid());
            return;
        }
        BillingKeyStatus target = failed ? BillingKeyStatus.FAILED : BillingKeyStatus.ACTIVE;
        if (stored.get().status() == target || !stored.get().status().canBecome(target)) {
            return;
        }
        Optional<IamportBillingKey> issued = failed ? Optional.empty() : atIamport.get();
        if (!failed && issued.isEmpty()) {
            return; // paid, but i'mport shows no key yet
        }
        OptimisticUpdate.Result<BillingKey> result = OptimisticUpdate.apply(stored.get(),
                key -> key.status() == target || !key.status().canBecome(target) ? Optional.empty()
                        : Optional.of(key.transitionTo(target, issued.map(IamportBillingKey::card).orElse(null), clock.instant())),
                keys::update, issuance.customerUid());
        if (result.written()) {
            LOG.info("billing key {} is now {}", issuance.customerUid(), target);
        }
    }
}
