package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;
import kr.storefront.payments.core.checkout.BillingWindow;
import kr.storefront.payments.core.checkout.PgDirectory;
import kr.storefront.payments.core.checkout.PgProfile;
import kr.storefront.payments.core.domain.Pg;

/** {@code GET /checkout/pgs}: what a storefront may ask this deployment for. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PgListingView(
        @JsonProperty("default_pg") @Nullable String defaultPg,
        @JsonProperty("pg_required") boolean pgRequired,
        List<PgView> pgs) {

    /** One PG's capabilities. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PgView(
            String pg,
            @Nullable String notice,
            @JsonProperty("one_time") boolean oneTime,
            @JsonProperty("pay_methods") List<String> payMethods,
            @JsonProperty("pay_method_ignored") boolean payMethodIgnored,
            @JsonProperty("buyer_tel_required") boolean buyerTelRequired,
            @JsonProperty("billing_window") BillingWindowView billingWindow,
            @JsonProperty("api_mode_billing") boolean apiModeBilling,
            boolean escrow,
            @Nullable InstallmentsView installments,
            @JsonProperty("always_redirects") boolean alwaysRedirects) { }

    /** The billing-key window: whether there is one and what it does with the amount. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BillingWindowView(boolean available, @Nullable String charges,
                                    @JsonProperty("pay_methods") @Nullable List<String> payMethods) { }

    /** Card-window options: installments ({@code display.card_quota}, {@code card.direct}), card filters. */
    @Serdeable
    public record InstallmentsView(@JsonProperty("minimum_amount") long minimumAmount,
                                   @JsonProperty("card_options") List<String> cardOptions) { }

    public static PgListingView of(PgDirectory.Listing listing) {
        List<PgView> pgs = listing.profiles().stream().map(profile -> view(profile, listing.apiMode())).toList();
        return new PgListingView(listing.defaultPg().map(Pg::code).orElse(null), listing.defaultPg().isEmpty(), pgs);
    }

    private static PgView view(PgProfile profile, boolean apiModeEnabled) {
        BillingWindowView window = profile.billingWindow() == BillingWindow.NONE
                ? new BillingWindowView(false, null, null)
                : new BillingWindowView(true, profile.billingWindow().name().toLowerCase(Locale.ROOT), profile.billingPayMethods());
        InstallmentsView installments = profile.cardOptions()
                ? new InstallmentsView(PgProfile.INSTALLMENT_MINIMUM, List.of("display.card_quota", "card.direct", "card.detail"))
                : null;
        return new PgView(profile.pg().code(), profile.serviceNotice(), true, profile.payMethods(), profile.ignoresPayMethod(),
                profile.buyerTelRequired(), window, profile.apiModeBilling() && apiModeEnabled, profile.escrow(), installments,
                profile.alwaysRedirects());
    }
}
