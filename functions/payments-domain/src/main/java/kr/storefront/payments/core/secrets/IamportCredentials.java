package kr.storefront.payments.core.secrets;

import java.util.Map;
import java.util.Optional;

/**
 * The merchant's i'mport credentials and settings, as kept in the secret. PortOne V1 names a PG by a
 * channel key ({@code channelKey} in {@code IMP.request_pay}, {@code channel_key} on
 * {@code POST /subscribe/customers}); the older {@code pg} ({@code "<pg>"} or {@code "<pg>.<MID>"}) is its
 * documented fallback. The checkout window and Toss API mode use different channels in practice (API mode
 * needs a Toss MID of API version 1.4), so each has its own map.
 *
 * @param impKey         REST API key, sent to {@code /users/getToken}
 * @param impSecret      REST API secret, sent to {@code /users/getToken}
 * @param impCode        merchant identification code for {@code IMP.init} in the browser (not secret)
 * @param pgMids         window MIDs per PG, e.g. {@code tosspayments -> tosstest}: {@code pg: "tosspayments.tosstest"}
 *                       when no window channel key is set
 * @param apiMids        API-mode MIDs per PG ({@code onetime}'s {@code pg}, and key issuance without a channel key);
 *                       defaults to {@code pgMids}
 * @param channelKeys    window channel keys per PG: sent as {@code channelKey} instead of {@code pg}
 * @param apiChannelKeys API-mode channel keys per PG: sent as {@code channel_key} when issuing keys from card data
 */
public record IamportCredentials(String impKey, String impSecret, String impCode, Map<String, String> pgMids,
                                 Map<String, String> apiMids, Map<String, String> channelKeys,
                                 Map<String, String> apiChannelKeys) {

    public IamportCredentials {
        pgMids = pgMids == null ? Map.of() : Map.copyOf(pgMids);
        apiMids = apiMids == null ? Map.of() : Map.copyOf(apiMids);
        channelKeys = channelKeys == null ? Map.of() : Map.copyOf(channelKeys);
        apiChannelKeys = apiChannelKeys == null ? Map.of() : Map.copyOf(apiChannelKeys);
    }

    /** Credentials with window MIDs only (no channel keys, API mode on the same MIDs). */
    public IamportCredentials(String impKey, String impSecret, String impCode, Map<String, String> pgMids) {
        this(impKey, impSecret, impCode, pgMids, Map.of(), Map.of(), Map.of());
    }

    public Optional<String> pgMid(String pg) {
        return Optional.ofNullable(pgMids.get(pg));
    }

    /** The MID for API-mode calls: {@code api_mids}, else the window's {@code pg_mids}. */
    public Optional<String> apiMid(String pg) {
        return Optional.ofNullable(apiMids.get(pg)).or(() -> pgMid(pg));
    }

    public Optional<String> channelKey(String pg) {
        return Optional.ofNullable(channelKeys.get(pg));
    }

    public Optional<String> apiChannelKey(String pg) {
        return Optional.ofNullable(apiChannelKeys.get(pg));
    }

    /** Never prints the key or the secret; channel keys and MIDs are not secret, but only their PGs are needed in logs. */
    @Override
    public String toString() {
        return "IamportCredentials[impCode=" + impCode + ", impKey=***, impSecret=***, pgMids=" + pgMids.keySet()
                + ", apiMids=" + apiMids.keySet() + ", channelKeys=" + channelKeys.keySet() + ", apiChannelKeys="
                + apiChannelKeys.keySet() + "]";
    }
}
