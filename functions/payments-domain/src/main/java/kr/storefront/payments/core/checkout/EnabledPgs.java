package kr.storefront.payments.core.checkout;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import kr.storefront.payments.core.config.PaymentsConfiguration;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.Pg;

/** The PGs this deployment offers, parsed once at startup (an unknown code stops the function from starting). */
@Singleton
public class EnabledPgs {

    private final List<Pg> pgs;

    EnabledPgs(PaymentsConfiguration configuration) {
        List<Pg> parsed = new ArrayList<>();
        for (String code : configuration.enabledPgs()) {
            Pg pg = Pg.fromCode(code).orElseThrow(() -> new ConfigurationException(
                    "payments.enabled-pgs: unknown PG '" + code + "' (known: payco, chai, kakaopay, tosspayments, uplus)"));
            if (!parsed.contains(pg)) {
                parsed.add(pg);
            }
        }
        this.pgs = List.copyOf(parsed);
    }

    public List<Pg> all() {
        return pgs;
    }

    /** With exactly one PG enabled it is the default and requests may omit {@code pg}, as i'mport itself allows. */
    public Optional<Pg> defaultPg() {
        return pgs.size() == 1 ? Optional.of(pgs.get(0)) : Optional.empty();
    }

    public boolean isEnabled(@Nullable String pgProvider) {
        return Pg.fromCode(pgProvider).map(pgs::contains).orElse(false);
    }

    /**
     * The PG a request asks for, or the default.
     *
     * @throws InvalidRequestException when it is missing with several PGs enabled, unknown, or not enabled
     */
    public Pg resolve(@Nullable String requested) {
        if (requested == null || requested.isBlank()) {
            return defaultPg().orElseThrow(() -> new InvalidRequestException("pg",
                    "pg is required: this deployment offers " + codes()));
        }
        Pg pg = Pg.fromCode(requested).filter(pgs::contains)
                .orElseThrow(() -> new InvalidRequestException("pg", "pg must be one of " + codes()));
        if (requested.contains(".")) {
            throw new InvalidRequestException("pg", "give the PG code only (e.g. " + pg.code() + "); the MID comes from configuration");
        }
        return pg;
    }

    private String codes() {
        return pgs.stream().map(Pg::code).collect(Collectors.joining(", "));
    }
}
