package kr.storefront.payments.testkit.iamport;

import java.util.List;

/** The i'mport V1 endpoints the sandbox serves; faults and the request journal are keyed by them. */
public enum Endpoint {
    GET_TOKEN("POST", "/users/getToken"),
    GET_PAYMENT("GET", "/payments/{imp_uid}"),
    FIND_PAYMENT("GET", "/payments/find/{merchant_uid}", "/payments/find/{merchant_uid}/{payment_status}"),
    PREPARE("POST", "/payments/prepare"),
    GET_PREPARE("GET", "/payments/prepare/{merchant_uid}"),
    CANCEL("POST", "/payments/cancel"),
    AGAIN("POST", "/subscribe/payments/again"),
    ONETIME("POST", "/subscribe/payments/onetime"),
    ISSUE_BILLING_KEY("POST", "/subscribe/customers/{customer_uid}"),
    GET_BILLING_KEY("GET", "/subscribe/customers/{customer_uid}"),
    DELETE_BILLING_KEY("DELETE", "/subscribe/customers/{customer_uid}");

    private final String method;
    private final List<String> pathTemplates;

    Endpoint(String method, String... pathTemplates) {
        this.method = method;
        this.pathTemplates = List.of(pathTemplates);
    }

    public String method() {
        return method;
    }

    /** Paths with {@code {name}} placeholders for path variables. */
    List<String> pathTemplates() {
        return pathTemplates;
    }
}
