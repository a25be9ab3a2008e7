package kr.storefront.payments.testkit.iamport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of the checkout window: what the storefront passed to {@code IMP.request_pay} and what then
 * happens in the browser.
 *
 * @param params             the exact {@code IMP.request_pay} params object (pg, pay_method, merchant_uid,
 *                           amount, customer_uid, m_redirect_url, notice_url, ...)
 * @param tamperedAmount     the amount the browser really sent when it altered {@code params.amount}, or null
 * @param testChannel        paid through a test channel: the payment gets {@code sandbox: true}
 * @param bypassPrepareCheck the payment slipped past the prepared-amount check
 * @param impUid             the imp_uid the payment gets, or null for the next one i'mport would assign; for fixtures
 *                           that name a payment in advance (the {@code events/} samples)
 */
public record WindowRequest(
        Map<String, Object> params,
        Device device,
        WindowOutcome outcome,
        Long tamperedAmount,
        boolean testChannel,
        boolean bypassPrepareCheck,
        String impUid) {

    public enum Device { PC, MOBILE }

    public WindowRequest {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(outcome, "outcome");
        // params may hold nulls, like a JS object, so no Map.copyOf
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A window run the sandbox numbers itself. */
    public WindowRequest(Map<String, Object> params, Device device, WindowOutcome outcome, Long tamperedAmount,
                         boolean testChannel, boolean bypassPrepareCheck) {
        this(params, device, outcome, tamperedAmount, testChannel, bypassPrepareCheck, null);
    }

    public static Builder builder(Map<String, Object> params) {
        return new Builder(params);
    }

    public static final class Builder {
        private final Map<String, Object> params;
        private Device device = Device.PC;
        private WindowOutcome outcome = WindowOutcome.pay();
        private Long tamperedAmount;
        private boolean testChannel;
        private boolean bypassPrepareCheck;
        private String impUid;

        private Builder(Map<String, Object> params) {
            this.params = params;
        }

        public Builder device(Device device) {
            this.device = device;
            return this;
        }

        public Builder outcome(WindowOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        public Builder tamperedAmount(Long tamperedAmount) {
            this.tamperedAmount = tamperedAmount;
            return this;
        }

        public Builder testChannel(boolean testChannel) {
            this.testChannel = testChannel;
            return this;
        }

        public Builder bypassPrepareCheck(boolean bypassPrepareCheck) {
            this.bypassPrepareCheck = bypassPrepareCheck;
            return this;
        }

        public Builder impUid(String impUid) {
            this.impUid = impUid;
            return this;
        }

        public WindowRequest build() {
            return new WindowRequest(params, device, outcome, tamperedAmount, testChannel, bypassPrepareCheck, impUid);
        }
    }
}
