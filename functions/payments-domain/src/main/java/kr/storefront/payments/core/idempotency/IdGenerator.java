package kr.storefront.payments.core.idempotency;

/** Unguessable ids for things we create (merchant_uid, customer_uid, subscription ids). */
public interface IdGenerator {

    /** {@code prefix} followed by {@code randomChars} random lowercase base32 characters (5 bits each). */
    String newId(String prefix, int randomChars);

    /** A merchant_uid: 28 characters, 120 random bits (i'mport allows 40). */
    default String merchantUid() {
        return newId("ord_", 24);
    }

    /** A billing-key customer_uid: opaque, no personal data, 120 random bits. */
    default String customerUid() {
        return newId("cuid_", 24);
    }

    /** A subscription id: short enough that {@code <id>_p<period>_a<attempt>} stays within 40 characters. */
    default String subscriptionId() {
        return newId("sub_", 16);
    }
}
