package kr.storefront.payments.testkit.iamport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the browser gets when the window closes: the PC callback's {@code rsp}, or a redirect to
 * {@code m_redirect_url} (mobile, and chai always), in which case the callback never runs.
 *
 * <p>Error codes: "F1002" for an already-paid merchant_uid is documented; "F400" for every other failure
 * is the sandbox's own choice [verify]. Code under test should not branch on them anyway.
 */
final class WindowResults {

    static final String ALREADY_PAID_CODE = "F1002";
    static final String FAILURE_CODE = "F400";
    static final String USER_CANCELLED = "사용자가 결제를 취소하셨습니다";

    private WindowResults() {
    }

    /** The window never opened. */
    static WindowResult refused(WindowRequest request, Optional<PgProvider> provider, String errorMsg) {
        return result(request, provider, null, false, FAILURE_CODE, errorMsg);
    }

    static WindowResult alreadyPaid(WindowRequest request, PgProvider provider) {
        return result(request, Optional.of(provider), null, false, ALREADY_PAID_CODE, PaymentLedger.ALREADY_PAID);
    }

    /** The window ran and left {@code payment}; {@code success} as the buyer is told (an issued virtual account counts). */
    static WindowResult finished(WindowRequest request, PgProvider provider, Payment payment, boolean success) {
        String errorMsg = switch (payment.status()) {
            case FAILED -> payment.failReason();
            case READY -> success ? null : USER_CANCELLED;
            default -> null;
        };
        return result(request, Optional.of(provider), payment, success, success ? null : FAILURE_CODE, errorMsg);
    }

    private static WindowResult result(WindowRequest request, Optional<PgProvider> provider, Payment payment,
                                       boolean success, String errorCode, String errorMsg) {
        RequestParams params = RequestParams.of(request.params());
        String impUid = payment == null ? null : payment.impUid();
        String merchantUid = params.text("merchant_uid").orElse(null);
        boolean identifiersOnly = provider.map(PgProvider::returnsOnlyIdentifiers).orElse(false);

        var outcome = new LinkedHashMap<String, Object>();
        if (!identifiersOnly) {
            outcome.put("success", success);
        }
        outcome.put("imp_uid", impUid);
        outcome.put("merchant_uid", merchantUid);
        if (!success) {
            outcome.put("error_code", errorCode);
            outcome.put("error_msg", errorMsg);
        }

        Optional<URI> redirect = params.text("m_redirect_url")
                .filter(url -> redirects(request.device(), provider))
                .map(base -> redirectUri(base, outcome));
        Map<String, Object> callback = redirect.isPresent() ? Map.of() : callback(outcome, payment, identifiersOnly);
        return new WindowResult(impUid, merchantUid, success, errorCode, errorMsg, redirect, callback);
    }

    /**
     * Whether the result goes to {@code m_redirect_url} instead of the callback: on mobile, and for chai
     * everywhere. The browser-facing window ({@link WindowSessions}) decides its mode with the same rule.
     */
    static boolean redirects(WindowRequest.Device device, Optional<PgProvider> provider) {
        return device == WindowRequest.Device.MOBILE || provider.map(PgProvider::alwaysRedirects).orElse(false);
    }

    /** The callback's rsp: the result fields, plus payment details for PGs that send them. */
    private static Map<String, Object> callback(Map<String, Object> outcome, Payment payment, boolean identifiersOnly) {
        var rsp = new LinkedHashMap<>(outcome);
        if (payment != null && !identifiersOnly) {
            CardDetails card = payment.card();
            Payment.VirtualAccount vbank = payment.vbank();
            rsp.put("pay_method", payment.payMethod());
            rsp.put("paid_amount", payment.amount());
            rsp.put("currency", payment.currency());
            rsp.put("status", payment.status().wire());
            rsp.put("name", payment.name());
            rsp.put("pg_provider", payment.pgProvider());
            rsp.put("pg_tid", payment.pgTid());
            rsp.put("buyer_name", payment.buyer().name());
            rsp.put("buyer_email", payment.buyer().email());
            rsp.put("buyer_tel", payment.buyer().tel());
            rsp.put("buyer_addr", payment.buyer().addr());
            rsp.put("buyer_postcode", payment.buyer().postcode());
            rsp.put("custom_data", payment.customData());
            rsp.put("paid_at", payment.paidAt());
            rsp.put("receipt_url", payment.receiptUrl());
            rsp.put("apply_num", payment.applyNum());
            rsp.put("card_name", card == null ? null : card.cardName());
            rsp.put("card_number", card == null ? null : card.cardNumber());
            rsp.put("card_quota", payment.cardQuota());
            // a virtual account's details reach the browser only here, never in the redirect (reference §7)
            rsp.put("vbank_num", vbank == null ? null : vbank.num());
            rsp.put("vbank_name", vbank == null ? null : vbank.name());
            rsp.put("vbank_holder", vbank == null ? null : vbank.holder());
            rsp.put("vbank_date", vbank == null ? 0L : vbank.date());
        }
        return rsp;
    }

    /** {@code m_redirect_url} plus the result as query parameters; a missing imp_uid is left out. */
    private static URI redirectUri(String base, Map<String, Object> outcome) {
        var query = new LinkedHashMap<String, String>();
        outcome.forEach((key, value) -> {
            if (value != null) {
                query.put(key.equals("success") ? "imp_success" : key, value.toString());
            }
        });
        return URI.create(withQuery(base, FormCodec.encode(query)));
    }

    /** {@code url} with {@code query} appended before any fragment, after {@code ?} or {@code &} as needed. */
    static String withQuery(String url, String query) {
        int hash = url.indexOf('#');
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = !beforeFragment.contains("?") ? "?"
                : beforeFragment.endsWith("?") || beforeFragment.endsWith("&") ? "" : "&";
        return beforeFragment + separator + query + fragment;
    }
}
