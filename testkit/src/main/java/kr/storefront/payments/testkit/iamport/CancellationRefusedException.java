package kr.storefront.payments.testkit.iamport;

/** Thrown when i'mport would refuse a cancel; answered with HTTP 200, code 1 and this message. */
final class CancellationRefusedException extends RuntimeException {

    CancellationRefusedException(String message) {
        super(message);
    }
}
