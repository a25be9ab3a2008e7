package kr.storefront.payments.http;

/** Thrown when a route is reached without the authorization it requires (e.g. an admin route without IAM signing). */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
