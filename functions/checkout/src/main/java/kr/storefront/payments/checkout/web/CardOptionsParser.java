package kr.storefront.payments.checkout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.storefront.payments.core.checkout.CardOptions;
import kr.storefront.payments.core.domain.FieldProblem;
import kr.storefront.payments.core.domain.InvalidRequestException;

/**
 * Reads {@code display.card_quota} and {@code card.direct} / {@code card.detail} strictly: card
 * company codes must be JSON strings ({@code "366"}, never {@code 366}), months integers, and no
 * option we do not validate passes through to the window.
 */
final class CardOptionsParser {

    private CardOptionsParser() {
    }

    static @Nullable CardOptions parse(@Nullable JsonNode display, @Nullable JsonNode card) {
        if (isAbsent(display) && isAbsent(card)) {
            return null;
        }
        List<FieldProblem> problems = new ArrayList<>();
        // absent stays absent (every installment offered); [] is sent as [] (lump sum only)
        List<Integer> quota = isAbsent(display) ? null : quota(display, problems);
        CardOptions.DirectCard direct = null;
        List<CardOptions.CardCompany> companies = new ArrayList<>();
        if (!isAbsent(card)) {
            if (!card.isObject()) {
                problems.add(new FieldProblem("card", "must be an object with direct and/or detail"));
            } else {
                onlyKeys(card, Set.of("direct", "detail"), "card", problems);
                direct = direct(card.get("direct"), problems);
                companies = companies(card.get("detail"), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new CardOptions(quota, direct, companies);
    }

    private static @Nullable List<Integer> quota(JsonNode display, List<FieldProblem> problems) {
        if (!display.isObject()) {
            problems.add(new FieldProblem("display", "must be an object with card_quota"));
            return null;
        }
        onlyKeys(display, Set.of("card_quota"), "display", problems);
        JsonNode quota = display.get("card_quota");
        if (isAbsent(quota)) {
            return null;
        }
        if (!quota.isArray()) {
            problems.add(new FieldProblem("display.card_quota", "must be an array of installment months"));
            return null;
        }
        List<Integer> months = new ArrayList<>();
        for (int i = 0; i < quota.size(); i++) {
            JsonNode value = quota.get(i);
            if (!isInteger(value)) {
                problems.add(new FieldProblem("display.card_quota[" + i + "]", "must be an integer"));
            } else {
                months.add(value.getIntValue());
            }
        }
        return months;
    }

    private static CardOptions.DirectCard direct(@Nullable JsonNode direct, List<FieldProblem> problems) {
        if (isAbsent(direct)) {
            return null;
        }
        if (!direct.isObject()) {
            problems.add(new FieldProblem("card.direct", "must be an object {code, quota}"));
            return null;
        }
        onlyKeys(direct, Set.of("code", "quota"), "card.direct", problems);
        JsonNode code = direct.get("code");
        JsonNode quota = direct.get("quota");
        if (code == null || !code.isString()) {
            problems.add(new FieldProblem("card.direct.code", "must be a string card company code such as \"366\""));
            return null;
        }
        if (!isAbsent(quota) && !isInteger(quota)) {
            problems.add(new FieldProblem("card.direct.quota", "must be an integer"));
            return null;
        }
        return new CardOptions.DirectCard(code.getStringValue(), isAbsent(quota) ? null : quota.getIntValue());
    }

    private static List<CardOptions.CardCompany> companies(@Nullable JsonNode detail, List<FieldProblem> problems) {
        List<CardOptions.CardCompany> companies = new ArrayList<>();
        if (isAbsent(detail)) {
            return companies;
        }
        if (!detail.isArray()) {
            problems.add(new FieldProblem("card.detail", "must be an array of {card_code, enabled}"));
            return companies;
        }
        for (int i = 0; i < detail.size(); i++) {
            JsonNode entry = detail.get(i);
            String path = "card.detail[" + i + "]";
            if (!entry.isObject()) {
                problems.add(new FieldProblem(path, "must be an object {card_code, enabled}"));
                continue;
            }
            onlyKeys(entry, Set.of("card_code", "enabled"), path, problems);
            JsonNode code = entry.get("card_code");
            JsonNode enabled = entry.get("enabled");
            if (code == null || !code.isString()) {
                problems.add(new FieldProblem(path + ".card_code", "must be a string card company code such as \"366\""));
            } else if (enabled == null || !enabled.isBoolean()) {
                problems.add(new FieldProblem(path + ".enabled", "must be true or false"));
            } else {
                companies.add(new CardOptions.CardCompany(code.getStringValue(), enabled.getBooleanValue()));
            }
        }
        return companies;
    }

    /** An unknown key is named by its object only: the key itself is caller input, never echoed. */
    private static void onlyKeys(JsonNode object, Set<String> allowed, String path, List<FieldProblem> problems) {
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            if (!allowed.contains(entry.getKey())) {
                problems.add(new FieldProblem(path, "has a key that is not supported here; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed))));
                return;
            }
        }
    }

    private static boolean isInteger(JsonNode value) {
        return value.isNumber() && value.getNumberValue() instanceof Integer;
    }

    private static boolean isAbsent(@Nullable JsonNode node) {
        return node == null || node.isNull();
    }
}
