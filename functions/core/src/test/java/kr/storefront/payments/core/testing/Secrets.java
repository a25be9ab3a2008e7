package kr.storefront.payments.core.testing;

/** The i'mport secret document as Secrets Manager would hold it. */
public final class Secrets {

    private Secrets() {
    }

    public static String iamportSecret(String impKey, String impSecret, String impCode) {
        return "{\"imp_key\":\"" + impKey + "\",\"imp_secret\":\"" + impSecret + "\",\"imp_code\":\"" + impCode + "\"}";
    }
}
