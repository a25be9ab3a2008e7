package kr.storefront.payments.testkit.iamport;

/** Thrown when a request misses a required parameter or has a malformed one; answered with HTTP 400. */
final class InvalidRequestException extends RuntimeException {

    InvalidRequestException(String message) {
        super(message);
    }
}
