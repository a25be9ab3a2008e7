package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Card-window options for tosspayments and uplus.
 *
 * @param installmentMonths {@code display.card_quota}: installment months offered (0 = lump sum); an empty list
 *                          means lump sum only (the guides' {@code []}); null when the storefront sent none
 * @param direct            {@code card.direct}: open one card company's window directly
 * @param companies         {@code card.detail}: card companies shown or hidden
 */
public record CardOptions(@Nullable List<Integer> installmentMonths, @Nullable DirectCard direct, List<CardCompany> companies) {

    public CardOptions {
        installmentMonths = installmentMonths == null ? null : List.copyOf(installmentMonths);
        companies = companies == null ? List.of() : List.copyOf(companies);
    }

    /** {@code card.direct}: card company code (a string such as {@code "366"}) and optional installment months. */
    public record DirectCard(String code, @Nullable Integer quota) { }

    /**
     * {@code card.detail} entry: a card company code, or {@code "*"} for every company (the guides' "disable all,
     * enable one" example), and whether it is offered.
     */
    public record CardCompany(String code, boolean enabled) { }

    public boolean isEmpty() {
        return installmentMonths == null && direct == null && companies.isEmpty();
    }

    /** Whether any option asks for installments (2 months or more). */
    public boolean asksForInstallments() {
        return (installmentMonths != null && installmentMonths.stream().anyMatch(months -> months >= 2))
                || (direct != null && direct.quota() != null && direct.quota() >= 2);
    }
}
