package kr.storefront.payments.core.secrets;

import java.util.Map;
import java.util.Optional;

/**
 * The merchant's i'mport credentials and settings, as kept in the secret.
 *
 * @param impKey    REST API key, sent to {@code /users/getToken}
 * @param impSecret REST API secret, sent to {@code /users/getToken}
 * @param impCode   merchant identification code for {@code IMP.init} in the browser (not secret)
 * @param pgMids    optional PG merchant ids, e.g. {@code tosspayments -> tosstest}, used to build
 *                  {@code pg: "tosspayments.tosstest"} when one account has several MIDs
 */
public record IamportCredentials(String impKey, String impSecret, String impCode, Map<String, String> pgMids) {

    public IamportCredentials {
        pgMids = pgMids == null ? Map.of() : Map.copyOf(pgMids);
    }

    public Optional<String> pgMid(String pg) {
        return Optional.ofNullable(pgMids.get(pg));
    }

    /** Never prints the key or the secret. */
    @Override
    public String toString() {
        return "IamportCredentials[impCode=" + impCode + ", impKey=***, impSecret=***, pgMids=" + pgMids.keySet() + "]";
    }
}
