package kr.storefront.payments.core.testing;

/** The i'mport secret document as Secrets Manager would hold it. */
public final class Secrets {

    private Secrets() {
    }

    public static String iamportSecret(String impKey, String impSecret, String impCode) {
        return iamportSecret(impKey, impSecret, impCode, "");
    }

    /** @param settings more members of the document, e.g. {@code "api_mids":{"tosspayments":"tossapi14"}}, or "" */
    public static String iamportSecret(String impKey, String impSecret, String impCode, String settings) {
        return "{\"imp_key\":\"" + impKey + "\",\"imp_secret\":\"" + impSecret + "\",\"imp_code\":\"" + impCode + "\""
                + (settings.isEmpty() ? "" : "," + settings) + "}";
    }
}
