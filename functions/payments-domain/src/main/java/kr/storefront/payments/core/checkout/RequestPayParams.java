package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the object the storefront passes to {@code IMP.request_pay(params, callback)}, with i'mport's
 * field names and a stable order. Absent values are left out rather than sent as null.
 */
final class RequestPayParams {

    private final Map<String, Object> params = new LinkedHashMap<>();

    private RequestPayParams() {
    }

    /** How the window is told its PG: exactly one of {@code channelKey} and {@code pg}. */
    record Channel(String parameter, String value) {
        static Channel key(String channelKey) {
            return new Channel("channelKey", channelKey);
        }

        static Channel pg(String pg) {
            return new Channel("pg", pg);
        }
    }

    /** Starts with the PG ({@code channelKey}, or {@code pg}: {@code "<pg>"} or {@code "<pg>.<MID>"}) and {@code pay_method}. */
    static RequestPayParams of(Channel channel, @Nullable String payMethod) {
        RequestPayParams builder = new RequestPayParams();
        builder.put(channel.parameter(), channel.value());
        builder.put("pay_method", payMethod);
        return builder;
    }

    RequestPayParams put(String name, @Nullable Object value) {
        if (value != null) {
            params.put(name, value);
        }
        return this;
    }

    RequestPayParams buyer(Buyer buyer) {
        return put("buyer_name", buyer.name()).put("buyer_tel", buyer.tel()).put("buyer_email", buyer.email())
                .put("buyer_addr", buyer.addr()).put("buyer_postcode", buyer.postcode());
    }

    /**
     * {@code m_redirect_url} where the window redirects (mobile, and always for PGs that only redirect),
     * and {@code notice_url} when configured. Both point at the verify function.
     */
    RequestPayParams returnUrls(PgProfile profile, Device device, URI apiBaseUrl, CheckoutConfiguration configuration) {
        if (device == Device.MOBILE || profile.alwaysRedirects()) {
            put("m_redirect_url", join(apiBaseUrl, configuration.redirectPath()));
        }
        if (configuration.sendNoticeUrl()) {
            put("notice_url", join(apiBaseUrl, configuration.webhookPath()));
        }
        return this;
    }

    RequestPayParams cardOptions(@Nullable CardOptions card) {
        if (card == null || card.isEmpty()) {
            return this;
        }
        if (card.installmentMonths() != null) {
            // [] is meaningful: lump sum only (toss guide, JS SDK display.card_quota)
            put("display", Map.of("card_quota", card.installmentMonths()));
        }
        Map<String, Object> cardParams = new LinkedHashMap<>();
        if (card.direct() != null) {
            Map<String, Object> direct = new LinkedHashMap<>();
            direct.put("code", card.direct().code());
            if (card.direct().quota() != null) {
                direct.put("quota", card.direct().quota());
            }
            cardParams.put("direct", direct);
        }
        if (!card.companies().isEmpty()) {
            List<Map<String, Object>> detail = new ArrayList<>();
            card.companies().forEach(company -> detail.add(Map.of("card_code", company.code(), "enabled", company.enabled())));
            cardParams.put("detail", detail);
        }
        if (!cardParams.isEmpty()) {
            put("card", cardParams);
        }
        return this;
    }

    Map<String, Object> build() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    private static String join(URI base, String path) {
        String root = base.toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path;
    }
}
