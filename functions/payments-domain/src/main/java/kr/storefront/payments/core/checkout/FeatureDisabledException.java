package kr.storefront.payments.core.checkout;

/** Thrown when a request needs a feature this deployment has switched off (Toss API-mode billing). */
public final class FeatureDisabledException extends RuntimeException {

    public FeatureDisabledException(String message) {
        super(message);
    }
}
