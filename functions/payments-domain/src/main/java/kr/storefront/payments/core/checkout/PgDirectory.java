package kr.storefront.payments.core.checkout;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.domain.Pg;

/** What the storefront may ask for: the enabled PGs and what each supports. */
@Singleton
public class PgDirectory {

    private final EnabledPgs pgs;
    private final CheckoutConfiguration configuration;

    PgDirectory(EnabledPgs pgs, CheckoutConfiguration configuration) {
        this.pgs = pgs;
        this.configuration = configuration;
    }

    /**
     * @param defaultPg   the PG used when a request omits {@code pg} (only when exactly one is enabled)
     * @param profiles    each enabled PG's rules
     * @param apiMode     whether Toss API-mode billing (raw card data) is enabled
     */
    public record Listing(Optional<Pg> defaultPg, List<PgProfile> profiles, boolean apiMode) { }

    public Listing list() {
        return new Listing(pgs.defaultPg(), pgs.all().stream().map(PgProfile::of).toList(), configuration.tossApiMode());
    }
}
