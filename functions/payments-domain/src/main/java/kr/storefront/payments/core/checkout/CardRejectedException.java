package kr.storefront.payments.core.checkout;

/** Thrown when i'mport or the card company refuses card data (API-mode issuance); the message is the PG's, safe for the buyer. */
public final class CardRejectedException extends RuntimeException {

    public CardRejectedException(String pgMessage) {
        super(pgMessage);
    }
}
