package kr.storefront.payments.core.checkout;

/** Thrown when i'mport refuses to register an order's amount ({@code /payments/prepare}) and holds no matching one. */
public final class AmountRegistrationException extends RuntimeException {

    public AmountRegistrationException(String merchantUid, String iamportMessage) {
        super("i'mport refused to register the amount of " + merchantUid + ": " + iamportMessage);
    }
}
