package kr.storefront.payments.testkit.iamport;

import java.util.Objects;

/**
 * How the card company answers a charge of a billing key or raw card data. i'mport reports declines in
 * two shapes and clients must handle both (reference §5.2), so each is selectable.
 *
 * <p>Issuance with raw card data ({@code POST /subscribe/customers/{customer_uid}}) only checks the card:
 * it fails on {@link Kind#DECLINE_AS_CODE_MINUS_ONE} (e.g. {@link #authenticationFailure()}) and succeeds
 * otherwise, because the other decline is a charge outcome.
 */
public record CardBehaviour(Kind kind, String message) {

    static final String AUTHENTICATION_FAILED = "카드정보 인증에 실패하였습니다.";

    public enum Kind {
        APPROVE,
        /** HTTP 200, code 0, payment with status failed and {@code fail_reason = message}. */
        DECLINE_AS_FAILED_STATUS,
        /** HTTP 200, code -1, {@code message}, response null. */
        DECLINE_AS_CODE_MINUS_ONE
    }

    public CardBehaviour {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.APPROVE) {
            Objects.requireNonNull(message, "a decline needs a message");
        }
    }

    public static CardBehaviour approve() {
        return new CardBehaviour(Kind.APPROVE, null);
    }

    public static CardBehaviour declineAsFailedStatus(String failReason) {
        return new CardBehaviour(Kind.DECLINE_AS_FAILED_STATUS, failReason);
    }

    public static CardBehaviour declineAsCodeMinusOne(String message) {
        return new CardBehaviour(Kind.DECLINE_AS_CODE_MINUS_ONE, message);
    }

    /** The onetime / issuance shape for bad card data: code -1, "카드정보 인증에 실패하였습니다." */
    public static CardBehaviour authenticationFailure() {
        return declineAsCodeMinusOne(AUTHENTICATION_FAILED);
    }

    boolean approves() {
        return kind == Kind.APPROVE;
    }
}
