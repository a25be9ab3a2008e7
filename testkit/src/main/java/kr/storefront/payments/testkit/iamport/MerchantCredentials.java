package kr.storefront.payments.testkit.iamport;

import java.util.Objects;

/**
 * The merchant account the sandbox impersonates: the REST API key pair and the merchant code
 * ({@code IMP.init("imp########")}).
 */
public record MerchantCredentials(String impKey, String impSecret, String impCode) {

    public MerchantCredentials {
        Objects.requireNonNull(impKey, "impKey");
        Objects.requireNonNull(impSecret, "impSecret");
        Objects.requireNonNull(impCode, "impCode");
    }

    public static MerchantCredentials defaults() {
        return new MerchantCredentials("sandbox-rest-key", "sandbox-rest-secret", "imp00000000");
    }

    MerchantCredentials withKeyPair(String newKey, String newSecret) {
        return new MerchantCredentials(newKey, newSecret, impCode);
    }

    /** Leaves the secret out, so a logged record never leaks it. */
    @Override
    public String toString() {
        return "MerchantCredentials[impKey=" + impKey + ", impSecret=***, impCode=" + impCode + "]";
    }
}
