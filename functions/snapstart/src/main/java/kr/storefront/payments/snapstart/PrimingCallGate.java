package kr.storefront.payments.snapstart;

import jakarta.inject.Singleton;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.iamport.client.IamportCallGate;

/**
 * Refuses every call to i'mport while the current thread primes: a route primed end to end reaches
 * the i'mport client, and a token or a payment fetched before a snapshot would be in every restored copy.
 */
@Singleton
final class PrimingCallGate implements IamportCallGate {

    @Override
    public void check(String operation) {
        if (Priming.active()) {
            throw new IamportUnavailableException("i'mport is never called while priming", false, null);
        }
    }
}
