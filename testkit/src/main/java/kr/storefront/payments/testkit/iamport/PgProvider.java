package kr.storefront.payments.testkit.iamport;

import java.util.Locale;
import java.util.Optional;

/** The PGs the sandbox emulates, with the per-PG rules of reference §8 that change its behaviour. */
enum PgProvider {
    PAYCO("PARTNERTEST", true, false, false),
    CHAI("chai_sandbox", true, false, false),
    KAKAOPAY("TC0ONETIME", true, true, false),
    TOSSPAYMENTS("tosspayments_sandbox", true, false, true),
    UPLUS("tlgdacomxpay", false, false, false);

    private final String defaultPgId;
    private final boolean issuesKeysInWindow;
    private final boolean chargesWhenIssuingInWindow;
    private final boolean issuesKeysFromCardData;

    PgProvider(String defaultPgId, boolean issuesKeysInWindow, boolean chargesWhenIssuingInWindow,
               boolean issuesKeysFromCardData) {
        this.defaultPgId = defaultPgId;
        this.issuesKeysInWindow = issuesKeysInWindow;
        this.chargesWhenIssuingInWindow = chargesWhenIssuingInWindow;
        this.issuesKeysFromCardData = issuesKeysFromCardData;
    }

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The MID used when {@code pg} names no MID ({@code "<pg>.<MID>"}). */
    String defaultPgId() {
        return defaultPgId;
    }

    /** Billing-key issuance through the window ({@code customer_uid} in request_pay); uplus has none. */
    boolean issuesKeysInWindow() {
        return issuesKeysInWindow;
    }

    /** kakaopay really charges {@code amount > 0} while issuing; the others only display it. */
    boolean chargesWhenIssuingInWindow() {
        return chargesWhenIssuingInWindow;
    }

    /** "API mode": card data sent to /subscribe/customers and /onetime; only tosspayments among ours. */
    boolean issuesKeysFromCardData() {
        return issuesKeysFromCardData;
    }

    /** tosspayments does not disclose the virtual account holder. */
    boolean disclosesVbankHolder() {
        return this != TOSSPAYMENTS;
    }

    /** chai redirects to m_redirect_url on PC too. */
    boolean alwaysRedirects() {
        return this == CHAI;
    }

    /** tosspayments' callback and redirect carry only imp_uid, merchant_uid and error_*, no success flag. */
    boolean returnsOnlyIdentifiers() {
        return this == TOSSPAYMENTS;
    }

    static Optional<PgProvider> fromWire(String value) {
        for (PgProvider provider : values()) {
            if (provider.wire().equals(value)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}
