package kr.storefront.payments.testkit.iamport;

import java.util.List;
import java.util.Objects;

/**
 * A PortOne channel as the console defines it: what a channel key selects, the PG and its MID. V1 now picks
 * a PG by channel key ({@code channelKey} in {@code IMP.request_pay}, {@code channel_key} on
 * {@code POST /subscribe/customers/{customer_uid}} and {@code again}); {@code pg} is the deprecated fallback.
 *
 * @param key the channel key, public (it appears in storefront pages)
 * @param pg  one of the sandbox's PGs: payco, chai, kakaopay, tosspayments, uplus
 * @param mid the PG's merchant id the channel uses, i.e. the payments' {@code pg_id}
 */
public record Channel(String key, String pg, String mid) {

    /** The API-mode (card data) channel of the defaults: Toss's API-version MID, apart from its window channel. */
    public static final String TOSS_API_KEY = "channel-key-tosspayments-api";

    public Channel {
        requireText(key, "key");
        requireText(pg, "pg");
        requireText(mid, "mid");
        if (PgProvider.fromWire(pg).isEmpty()) {
            throw new IllegalArgumentException("the sandbox has no PG " + pg + "; use payco, chai, kakaopay, tosspayments or uplus");
        }
    }

    /** {@code channel-key-<pg>} for each PG with its sandbox MID, plus {@link #TOSS_API_KEY} (MID tosspayments_api14). */
    public static List<Channel> defaults() {
        var channels = new java.util.ArrayList<Channel>();
        for (PgProvider provider : PgProvider.values()) {
            channels.add(new Channel("channel-key-" + provider.wire(), provider.wire(), provider.defaultPgId()));
        }
        channels.add(new Channel(TOSS_API_KEY, PgProvider.TOSSPAYMENTS.wire(), "tosspayments_api14"));
        return List.copyOf(channels);
    }

    PgSelection selection() {
        return new PgSelection(PgProvider.fromWire(pg).orElseThrow(), mid);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }
}
