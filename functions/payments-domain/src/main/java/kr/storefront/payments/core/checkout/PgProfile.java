package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import kr.storefront.payments.core.domain.Pg;

/**
 * What i'mport's V1 docs say a PG supports (reference §7-8), as the rules checkout enforces.
 *
 * @param pg                the PG
 * @param serviceNotice     a warning for storefronts, e.g. a PG that stopped service; null if none
 * @param payMethods        accepted {@code pay_method}s, first is the default; empty when the PG ignores it
 * @param buyerTelRequired  {@code buyer_tel} is mandatory
 * @param billingWindow     billing-key window behaviour
 * @param billingPayMethods {@code pay_method}s accepted in the billing-key window (empty: ignored)
 * @param apiModeBilling    billing keys can be issued from raw card data (Toss API mode)
 * @param escrow            {@code escrow: true} is supported
 * @param cardOptions       {@code display.card_quota}, {@code card.direct}, {@code card.detail} are supported
 * @param alwaysRedirects   the result only ever comes back through {@code m_redirect_url}, PC included
 */
public record PgProfile(
        Pg pg,
        @Nullable String serviceNotice,
        List<String> payMethods,
        boolean buyerTelRequired,
        BillingWindow billingWindow,
        List<String> billingPayMethods,
        boolean apiModeBilling,
        boolean escrow,
        boolean cardOptions,
        boolean alwaysRedirects) {

    /** Installments are only allowed from this amount on (won). */
    public static final long INSTALLMENT_MINIMUM = 50_000;

    public PgProfile {
        payMethods = List.copyOf(payMethods);
        billingPayMethods = List.copyOf(billingPayMethods);
    }

    /** The PG lets the buyer choose the method in its own app, whatever we send. */
    public boolean ignoresPayMethod() {
        return payMethods.isEmpty();
    }

    public static PgProfile of(Pg pg) {
        return switch (pg) {
            case PAYCO -> new PgProfile(pg, null, List.of("card", "trans", "vbank"), true, BillingWindow.NEVER_CHARGES,
                    List.of("card"), false, false, false, false);
            case CHAI -> new PgProfile(pg, "CHAI ended its payment service on 2024-11-01", List.of("trans"), false,
                    BillingWindow.NEVER_CHARGES, List.of("trans"), false, false, false, true);
            case KAKAOPAY -> new PgProfile(pg, null, List.of(), false, BillingWindow.CHARGES_WHEN_AMOUNT_POSITIVE, List.of(),
                    false, false, false, false);
            case TOSSPAYMENTS -> new PgProfile(pg, null, List.of("card", "trans", "vbank", "phone"), false,
                    BillingWindow.NEVER_CHARGES, List.of("card"), true, true, true, false);
            case UPLUS -> new PgProfile(pg, "uplus is Toss's legacy module; new merchants should use tosspayments",
                    List.of("card", "trans", "vbank", "phone"), false, BillingWindow.NONE, List.of(), false, true, true, false);
        };
    }
}
