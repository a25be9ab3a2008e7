package kr.storefront.payments.http;

/** Thrown when a customer route is reached without a validated JWT (no authorizer claims, or no {@code sub}). */
public final class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException() {
        super("sign in: this route needs a bearer token");
    }
}
