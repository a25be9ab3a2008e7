package kr.storefront.payments.testkit.iamport;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's checkout window page ({@code GET /window/{session}}): what the buyer would see of the PG,
 * with buttons for each outcome. The template is {@code window.html}; every value from the storefront's
 * params is HTML-escaped here, and the page script gets its settings as JSON with {@code <>&} escaped.
 */
final class WindowPage {

    private static final String TEMPLATE = BrowserAssets.text("window.html");
    private static final String MISSING = BrowserAssets.text("window-missing.html");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final Map<String, String> PAY_METHODS = Map.of(
            "card", "신용카드 / Card",
            "trans", "실시간 계좌이체 / Bank transfer",
            "vbank", "가상계좌 / Virtual account",
            "phone", "휴대폰 소액결제 / Mobile phone");

    private final Supplier<String> impCode;
    private final ChannelRegistry channels;

    WindowPage(Supplier<String> impCode, ChannelRegistry channels) {
        this.impCode = impCode;
        this.channels = channels;
    }

    BrowserResponse render(Optional<WindowSession> session) {
        return session.map(found -> BrowserResponse.html(200, page(found)))
                .orElseGet(() -> BrowserResponse.html(404, MISSING));
    }

    private String page(WindowSession session) {
        RequestParams params = RequestParams.of(session.params());
        String payMethod = params.text("pay_method").orElse("card");
        boolean billingKey = params.text("customer_uid").isPresent();
        var values = new LinkedHashMap<String, String>();
        values.put("merchant", escape(impCode.get()));
        values.put("pg", escape(pgLabel(params)));
        values.put("order_name", escape(params.text("name").orElse("-")));
        values.put("merchant_uid", escape(params.text("merchant_uid").orElse("-")));
        values.put("amount", escape(amountLabel(params)));
        values.put("pay_method", escape(billingKey ? "정기결제 카드 등록 / Billing key (card)"
                : PAY_METHODS.getOrDefault(payMethod, payMethod)));
        values.put("vbank_button", payMethod.equals("vbank") && !billingKey
                ? "<button type=\"button\" id=\"window-vbank\" data-testid=\"window-vbank\" data-outcome=\"vbank\">"
                  + "가상계좌 발급 / Issue virtual account</button>"
                : "");
        values.put("fail_reason", escape(WindowAction.DEFAULT_FAIL_REASON));
        values.put("pay_label", escape(payLabel(params, billingKey)));
        values.put("tamper_amount", Long.toString(suggestedTamperedAmount(params)));
        values.put("config", scriptJson(pageConfig(session)));
        return fill(values);
    }

    private static Map<String, Object> pageConfig(WindowSession session) {
        return ApiJson.object(
                "session_id", session.id(),
                "complete_url", "/window/sessions/" + session.id() + "/complete",
                "mode", WindowJson.mode(session),
                // where the PC result may be posted; "*" only when the storefront's origin is opaque (a file:// page)
                "target_origin", session.storefrontOrigin().orElse("*"),
                "completed", session.result().isPresent());
    }

    /** A billing-key window's main button registers the card (kakaopay with an amount also charges it). */
    private String payLabel(RequestParams params, boolean billingKey) {
        if (!billingKey) {
            return "결제하기 / Pay";
        }
        boolean charges = channels.window(params)
                .map(selection -> selection.provider().chargesWhenIssuingInWindow()).orElse(false)
                && validAmount(params).orElse(0L) > 0;
        return charges ? "결제하고 카드 등록 / Pay and register card" : "카드 등록 / Register card";
    }

    /** A subtle forgery: one won less than the storefront asked for (1 when it asked for nothing). */
    static long suggestedTamperedAmount(RequestParams params) {
        long amount = validAmount(params).orElse(0L);
        return amount > 0 ? amount - 1 : 1;
    }

    private static Optional<Long> validAmount(RequestParams params) {
        try {
            return params.amount("amount");
        } catch (InvalidRequestException e) {
            return Optional.empty();
        }
    }

    private String pgLabel(RequestParams params) {
        Optional<String> asked = params.text("channelKey").or(() -> params.text("pg"));
        return channels.window(params)
                .map(selection -> selection.provider().wire() + " (MID " + selection.pgId() + ")")
                .orElseGet(() -> asked.orElse("(channelKey, pg 없음)") + " — 알 수 없는 채널 또는 PG / unknown channel or PG");
    }

    private static String amountLabel(RequestParams params) {
        String currency = params.text("currency").orElse("KRW");
        Optional<Long> amount;
        try {
            amount = params.amount("amount");
        } catch (InvalidRequestException e) {
            return params.text("amount").orElse("-") + " (올바른 금액이 아닙니다 / not a valid amount)";
        }
        return amount.map(won -> NumberFormat.getIntegerInstance(Locale.KOREA).format(won)
                        + (currency.equals("KRW") ? "원" : " " + currency))
                .orElse("-");
    }

    private static String fill(Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(TEMPLATE);
        var page = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("window.html: no value for " + placeholder.group());
            }
            placeholder.appendReplacement(page, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(page);
        return page.toString();
    }

    static String escape(String text) {
        var escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** JSON safe inside {@code <script>}: {@code <>&} only occur in strings, where \\u escapes mean the same. */
    private static String scriptJson(Object value) {
        return SandboxJson.writeString(value)
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
