package kr.storefront.payments.testkit.iamport;

import java.util.Locale;
import java.util.Map;

/**
 * What the buyer clicked in the browser window, as the window page sends it:
 * {@code {"outcome": "pay" | "fail" | "cancel" | "vbank" | "tamper", "fail_reason"?, "amount"?}}.
 * Only the test-only tamper control carries an amount; every other action pays what the storefront
 * put in {@code params.amount}.
 *
 * @param failReason     the PG's refusal text, for FAIL
 * @param tamperedAmount the amount the tampering browser really sent, for TAMPER
 */
record WindowAction(Kind kind, String failReason, Long tamperedAmount) {

    static final String DEFAULT_FAIL_REASON = "[sandbox] 카드사 승인이 거절되었습니다.";

    enum Kind {
        PAY, FAIL, CANCEL, VBANK, TAMPER;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Throws {@link InvalidRequestException} for an unknown outcome or a tamper without a valid amount. */
    static WindowAction parse(RequestParams body) {
        String outcome = body.text("outcome").orElseThrow(() -> new InvalidRequestException(
                "outcome 은(는) 필수입니다: pay, fail, cancel, vbank, tamper"));
        Kind kind = kindOf(outcome);
        return switch (kind) {
            case FAIL -> new WindowAction(kind, body.text("fail_reason").orElse(DEFAULT_FAIL_REASON), null);
            case TAMPER -> new WindowAction(kind, null, body.amount("amount").orElseThrow(() ->
                    new InvalidRequestException("tamper 에는 amount(변조한 금액)가 필요합니다.")));
            default -> new WindowAction(kind, null, null);
        };
    }

    /** The same simulation {@code IamportSandbox.completeWindow} runs, for the session's stored params. */
    WindowRequest toRequest(Map<String, Object> params, WindowRequest.Device device) {
        WindowRequest.Builder request = WindowRequest.builder(params).device(device);
        return switch (kind) {
            case PAY -> request.outcome(WindowOutcome.pay()).build();
            case FAIL -> request.outcome(WindowOutcome.fail(failReason)).build();
            case CANCEL -> request.outcome(WindowOutcome.userCancel()).build();
            case VBANK -> request.outcome(WindowOutcome.issueVbank()).build();
            // the forgery a prepared amount exists to stop: another amount, past the check
            case TAMPER -> request.outcome(WindowOutcome.pay()).tamperedAmount(tamperedAmount)
                    .bypassPrepareCheck(true).build();
        };
    }

    private static Kind kindOf(String outcome) {
        for (Kind kind : Kind.values()) {
            if (kind.wire().equals(outcome)) {
                return kind;
            }
        }
        throw new InvalidRequestException("알 수 없는 outcome 입니다: " + outcome + " (pay, fail, cancel, vbank, tamper)");
    }
}
