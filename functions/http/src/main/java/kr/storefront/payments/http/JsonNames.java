package kr.storefront.payments.http;

/** Our JSON uses i'mport's snake_case names; error details name fields as the client wrote them. */
final class JsonNames {

    private JsonNames() {
    }

    static String snakeCase(String javaName) {
        return javaName == null ? "body" : javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
