package kr.storefront.payments.testkit.iamport;

/** A person's details: a payment's {@code buyer_*} fields or a billing key's {@code customer_*} fields. */
public record Contact(String name, String email, String tel, String addr, String postcode) {

    static final Contact NONE = new Contact(null, null, null, null, null);

    /** Reads {@code <prefix>name}, {@code <prefix>email}, ... from request parameters. */
    static Contact from(RequestParams params, String prefix) {
        return new Contact(
                params.text(prefix + "name").orElse(null),
                params.text(prefix + "email").orElse(null),
                params.text(prefix + "tel").orElse(null),
                params.text(prefix + "addr").orElse(null),
                params.text(prefix + "postcode").orElse(null));
    }
}
