package kr.storefront.payments.testkit.aws;

/** Thrown when no AWS emulator can be started; the message says what to install. Tests fail on it, never skip. */
public final class EmulatorUnavailableException extends RuntimeException {

    public EmulatorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
