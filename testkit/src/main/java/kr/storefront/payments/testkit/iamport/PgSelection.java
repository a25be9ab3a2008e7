package kr.storefront.payments.testkit.iamport;

import java.util.Optional;

/** A {@code pg} parameter, {@code "<pg>"} or {@code "<pg>.<MID>"}, resolved to the provider and its MID. */
record PgSelection(PgProvider provider, String pgId) {

    /** What API-mode calls use without a {@code pg}: the sandbox account's default PG. */
    static final PgSelection API_MODE_DEFAULT = new PgSelection(PgProvider.TOSSPAYMENTS, PgProvider.TOSSPAYMENTS.defaultPgId());

    static Optional<PgSelection> parse(String pg) {
        int dot = pg.indexOf('.');
        String name = dot < 0 ? pg : pg.substring(0, dot);
        String mid = dot < 0 ? "" : pg.substring(dot + 1);
        return PgProvider.fromWire(name)
                .map(provider -> new PgSelection(provider, mid.isEmpty() ? provider.defaultPgId() : mid));
    }
}
