package kr.storefront.payments.testkit.iamport;

import java.util.Objects;

/** What the buyer and the PG do inside the checkout window. */
public record WindowOutcome(Kind kind, String failReason) {

    public enum Kind {
        /** Approved: status paid, webhook "paid". */
        PAY,
        /** The PG refused: status failed with the reason, no webhook. */
        FAIL,
        /** Virtual account issued ({@code pay_method: "vbank"} only): status ready, webhook "ready". */
        ISSUE_VBANK,
        /** The buyer closed the window: status ready, no webhook. */
        USER_CANCEL
    }

    public WindowOutcome {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.FAIL) {
            Objects.requireNonNull(failReason, "a failure needs a reason");
        }
    }

    public static WindowOutcome pay() {
        return new WindowOutcome(Kind.PAY, null);
    }

    public static WindowOutcome fail(String reason) {
        return new WindowOutcome(Kind.FAIL, reason);
    }

    public static WindowOutcome issueVbank() {
        return new WindowOutcome(Kind.ISSUE_VBANK, null);
    }

    public static WindowOutcome userCancel() {
        return new WindowOutcome(Kind.USER_CANCEL, null);
    }
}
