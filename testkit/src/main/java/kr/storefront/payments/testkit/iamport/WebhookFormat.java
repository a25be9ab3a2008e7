package kr.storefront.payments.testkit.iamport;

/** The webhook body encoding, a per-account console setting at i'mport. */
public enum WebhookFormat {
    JSON("application/json"),
    FORM("application/x-www-form-urlencoded");

    private final String contentType;

    WebhookFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
