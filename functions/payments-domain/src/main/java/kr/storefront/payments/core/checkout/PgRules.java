package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kr.storefront.payments.core.domain.FieldProblem;
import kr.storefront.payments.core.domain.InvalidRequestException;

/**
 * The per-PG rules of i'mport's V1 docs for one-time payments and billing-key windows. Every
 * problem is collected, so a storefront developer sees them all at once, with the field at fault.
 */
public final class PgRules {

    private static final Pattern CARD_COMPANY_CODE = Pattern.compile("[0-9]{3}");
    private static final int MAX_INSTALLMENT_MONTHS = 36;
    /** {@code card.detail}'s wildcard: every card company (toss guide and JS SDK: "disable all, enable one"). */
    private static final String ALL_CARD_COMPANIES = "*";

    private final PgProfile profile;
    private final List<FieldProblem> problems = new ArrayList<>();

    private PgRules(PgProfile profile) {
        this.profile = profile;
    }

    /**
     * Checks a one-time order and returns the {@code pay_method} to send (null where the PG ignores it).
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public static @Nullable String checkOrder(PgProfile profile, @Nullable String payMethod, Buyer buyer,
                                              @Nullable CardOptions card, boolean escrow, long amount) {
        PgRules rules = new PgRules(profile);
        String method = rules.payMethod(payMethod, profile.payMethods(), "pay_method");
        rules.buyerTel(buyer);
        if (escrow && !profile.escrow()) {
            rules.problem("escrow", profile.pg().code() + " does not support escrow (tosspayments and uplus do)");
        }
        if (card != null && !card.isEmpty()) {
            rules.cardOptions(card, method, amount);
        }
        rules.throwIfAny();
        return method;
    }

    /**
     * Checks a billing-key window request and returns the {@code pay_method} to send.
     *
     * @param chargeFirstPeriod the storefront explicitly asks to charge the plan's first period in the window
     * @param hasPlan           a plan was named (its amount is what the window shows or charges)
     */
    public static @Nullable String checkBillingWindow(PgProfile profile, @Nullable String payMethod, Buyer buyer,
                                                      boolean chargeFirstPeriod, boolean hasPlan) {
        PgRules rules = new PgRules(profile);
        if (profile.billingWindow() == BillingWindow.NONE) {
            rules.problem("pg", profile.pg().code() + " offers no billing-key window; use tosspayments");
            rules.throwIfAny();
        }
        String method = rules.payMethod(payMethod, profile.billingPayMethods(), "pay_method");
        rules.buyerTel(buyer);
        if (chargeFirstPeriod && profile.billingWindow() != BillingWindow.CHARGES_WHEN_AMOUNT_POSITIVE) {
            rules.problem("charge_first_period", profile.pg().code()
                    + "'s billing-key window never charges; charge the first period through the subscription instead");
        }
        if (chargeFirstPeriod && !hasPlan) {
            rules.problem("plan_id", "charge_first_period needs the plan whose first period is charged");
        }
        rules.throwIfAny();
        return method;
    }

    private @Nullable String payMethod(@Nullable String requested, List<String> accepted, String field) {
        if (accepted.isEmpty()) {
            return null; // kakaopay: the buyer picks card or money in the app; whatever was sent is ignored
        }
        if (requested == null || requested.isBlank()) {
            return accepted.get(0);
        }
        if (!accepted.contains(requested)) {
            problem(field, profile.pg().code() + " accepts pay_method " + String.join(", ", accepted));
            return null;
        }
        return requested;
    }

    private void buyerTel(Buyer buyer) {
        if (profile.buyerTelRequired() && (buyer.tel() == null || buyer.tel().isBlank())) {
            problem("buyer.tel", profile.pg().code() + " requires buyer_tel");
        }
    }

    private void cardOptions(CardOptions card, @Nullable String payMethod, long amount) {
        if (!profile.cardOptions()) {
            problem("card", "card options (card_quota, card.direct, card.detail) are only accepted for tosspayments and uplus");
            return;
        }
        if (!"card".equals(payMethod)) {
            problem("card", "card options need pay_method card");
        }
        Set<Integer> seen = new HashSet<>();
        List<Integer> installmentMonths = card.installmentMonths() == null ? List.of() : card.installmentMonths();
        for (int i = 0; i < installmentMonths.size(); i++) {
            int months = installmentMonths.get(i);
            if (!validMonths(months) || !seen.add(months)) {
                problem("card.card_quota[" + i + "]", "installment months must be 0 (lump sum) or 2-" + MAX_INSTALLMENT_MONTHS
                        + ", each once");
            }
        }
        if (card.direct() != null) {
            if (!CARD_COMPANY_CODE.matcher(card.direct().code()).matches()) {
                problem("card.direct.code", "card company codes are 3-digit strings such as \"366\"");
            }
            if (card.direct().quota() != null && !validMonths(card.direct().quota())) {
                problem("card.direct.quota", "installment months must be 0 (lump sum) or 2-" + MAX_INSTALLMENT_MONTHS);
            }
        }
        for (int i = 0; i < card.companies().size(); i++) {
            String code = card.companies().get(i).code();
            if (!ALL_CARD_COMPANIES.equals(code) && !CARD_COMPANY_CODE.matcher(code).matches()) {
                problem("card.detail[" + i + "].card_code", "card company codes are 3-digit strings such as \"366\", or \"*\" for all");
            }
        }
        if (card.asksForInstallments() && amount < PgProfile.INSTALLMENT_MINIMUM) {
            problem("card", "installments need an amount of at least " + PgProfile.INSTALLMENT_MINIMUM + " won");
        }
    }

    private static boolean validMonths(int months) {
        return months == 0 || (months >= 2 && months <= MAX_INSTALLMENT_MONTHS);
    }

    private void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
