package kr.storefront.payments.testkit.iamport;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Test-chosen card answers: by customer_uid for billing-key charges (again, kakaopay's first charge in
 * the window) and by card number for raw-card calls (onetime, API-mode issuance). Unset means approve.
 * Card numbers are held only as fingerprints.
 */
final class CardBehaviours {

    private final ConcurrentMap<String, CardBehaviour> byCustomerUid = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CardBehaviour> byCardNumber = new ConcurrentHashMap<>();

    void setForCustomer(String customerUid, CardBehaviour behaviour) {
        byCustomerUid.put(customerUid, behaviour);
    }

    void setForCardNumber(String cardNumber, CardBehaviour behaviour) {
        byCardNumber.put(CardNumbers.fingerprint(cardNumber), behaviour);
    }

    CardBehaviour forCustomer(String customerUid) {
        return byCustomerUid.getOrDefault(customerUid, CardBehaviour.approve());
    }

    CardBehaviour forCardNumber(String cardNumber) {
        return byCardNumber.getOrDefault(CardNumbers.fingerprint(cardNumber), CardBehaviour.approve());
    }

    void clear() {
        byCustomerUid.clear();
        byCardNumber.clear();
    }
}
