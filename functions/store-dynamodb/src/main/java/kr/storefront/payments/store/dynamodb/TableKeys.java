package kr.storefront.payments.store.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The single-table key schema, built here and nowhere else.
 *
 * <pre>
 * item              pk                     sk                                      gsi1pk (sparse)       gsi1sk
 * order             ORDER#{merchant_uid}   ORDER                                   ORDER#OPEN *          {created_at}#{merchant_uid}
 *                   (gsi1, else)           ORDER#REFUND_PENDING ****  {requested_at}#{merchant_uid}
 *                   (gsi2: every order)    gsi2pk ORDER#STATUS#{status}  gsi2sk {created_at}#{merchant_uid}
 * order audit       ORDER#{merchant_uid}   AUDIT#{at}#{entry_id}                   -                     -
 * subscription audit CUSTOMER#{customer_id} AUDIT#SUBSCRIPTION#{subscription_id}#{at}#{entry_id} -      -
 * billing key       CUSTOMER#{customer_id} BILLINGKEY#{customer_uid}               -                     -
 * subscription      CUSTOMER#{customer_id} SUBSCRIPTION#{subscription_id}          SUBSCRIPTION#DUE **   {next_charge_at}#{subscription_id}
 * charge attempt    CUSTOMER#{customer_id} CHARGE#{subscription_id}#{period}#{n}   CHARGE#UNRESOLVED *** {updated_at}#{merchant_uid}
 * product           CATALOG                PRODUCT#{sku}                           -                     -
 * plan              CATALOG                PLAN#{plan_id}                          -                     -
 * catalog audit     CATALOG                AUDIT#PRODUCT#{sku}#{at}#{entry_id}, AUDIT#PLAN#{plan_id}#{at}#{entry_id}
 * idempotency key   IDEMPOTENCY#{scope}#{sha256(key)}  IDEMPOTENCY                 -                     -   (expires_at TTL)
 * webhook delivery  WEBHOOK#{imp_uid}      DELIVERY#{received_at}#{uuid}           -                     -   (expires_at TTL)
 *
 *   *   only while the order is PENDING or AWAITING_DEPOSIT (reconciliation sweep)
 *   **  only while the subscription is billable and has a next charge time (rebill due query)
 *   *** only while the attempt is IN_FLIGHT or UNKNOWN (reconciliation of unknown outcomes)
 *   **** only while a paid order holds a refund whose answer was lost (the sweep settles it); an open order is never
 *        refunded, so the two gsi1 uses of an order never meet
 * </pre>
 * Items of one customer share a partition, so a customer-scoped Query can never return another
 * customer's items. Times in sort keys are fixed-width UTC ISO-8601 with milliseconds, so
 * lexical order is time order. {@code expires_at} (epoch seconds) is the table's TTL attribute.
 */
public final class TableKeys {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String GSI2 = "gsi2";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";
    public static final String EXPIRES_AT = "expires_at";
    public static final String VERSION = "version";

    static final String ORDER_SK = "ORDER";
    static final String OPEN_ORDERS = "ORDER#OPEN";
    static final String PENDING_REFUNDS = "ORDER#REFUND_PENDING";
    static final String DUE_SUBSCRIPTIONS = "SUBSCRIPTION#DUE";
    static final String UNRESOLVED_CHARGES = "CHARGE#UNRESOLVED";
    static final String BILLING_KEY_PREFIX = "BILLINGKEY#";
    static final String SUBSCRIPTION_PREFIX = "SUBSCRIPTION#";
    static final String CHARGE_PREFIX = "CHARGE#";
    static final String CATALOG_PK = "CATALOG";
    static final String PRODUCT_PREFIX = "PRODUCT#";
    static final String PLAN_PREFIX = "PLAN#";
    static final String IDEMPOTENCY_SK = "IDEMPOTENCY";
    static final String DELIVERY_PREFIX = "DELIVERY#";
    static final String AUDIT_PREFIX = "AUDIT#";
    static final String SUBSCRIPTION_AUDIT_PREFIX = "AUDIT#SUBSCRIPTION#";
    static final String PRODUCT_AUDIT_PREFIX = "AUDIT#PRODUCT#";
    static final String PLAN_AUDIT_PREFIX = "AUDIT#PLAN#";
    /** Sorts after every time and id we write (U+FFFF): an index bound that takes them all. */
    static final String AFTER_ALL = "\uffff";

    private static final DateTimeFormatter SORTABLE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TableKeys() {
    }

    static String orderPk(String merchantUid) {
        return "ORDER#" + merchantUid;
    }

    static String customerPk(String customerId) {
        return "CUSTOMER#" + customerId;
    }

    static String billingKeySk(String customerUid) {
        return BILLING_KEY_PREFIX + customerUid;
    }

    static String subscriptionSk(String subscriptionId) {
        return SUBSCRIPTION_PREFIX + subscriptionId;
    }

    static String chargePeriodPrefix(String subscriptionId, int period) {
        return CHARGE_PREFIX + subscriptionId + "#" + String.format("%06d", period) + "#";
    }

    static String chargeSk(String subscriptionId, int period, int attempt) {
        return chargePeriodPrefix(subscriptionId, period) + String.format("%03d", attempt);
    }

    /** Open orders' index key: by creation time, then merchant_uid. */
    static String openOrderSk(Instant createdAt, String merchantUid) {
        return sortableTime(createdAt) + "#" + merchantUid;
    }

    /** The orders-by-status index partition of one status. */
    static String orderStatusPk(String status) {
        return "ORDER#STATUS#" + status;
    }

    /** An order audit entry's sort key: by time, then id. */
    static String orderAuditSk(Instant at, String entryId) {
        return AUDIT_PREFIX + sortableTime(at) + "#" + entryId;
    }

    /** A subscription audit entry's sort key: by subscription, then time, then id. */
    static String subscriptionAuditSk(String subscriptionId, Instant at, String entryId) {
        return SUBSCRIPTION_AUDIT_PREFIX + subscriptionId + "#" + sortableTime(at) + "#" + entryId;
    }

    /**
     * The sort-key prefix of one catalog item's audit entries ({@code kindPrefix} {@link #PRODUCT_AUDIT_PREFIX} or
     * {@link #PLAN_AUDIT_PREFIX}); the closing {@code #} keeps {@code MUG} from matching {@code MUG-2}'s entries.
     */
    static String catalogAuditPrefix(String kindPrefix, String id) {
        return kindPrefix + id + "#";
    }

    /** A catalog item's audit entry sort key: by item, then time, then id. */
    static String catalogAuditSk(String kindPrefix, String id, Instant at, String entryId) {
        return catalogAuditPrefix(kindPrefix, id) + sortableTime(at) + "#" + entryId;
    }

    /** Due subscriptions' index key: by next charge time, then id. */
    static String dueSubscriptionSk(Instant nextChargeAt, String subscriptionId) {
        return sortableTime(nextChargeAt) + "#" + subscriptionId;
    }

    /** An upper bound of the due index that takes everything due at or before {@code now}, whatever its id. */
    static String dueAtOrBefore(Instant now) {
        return sortableTime(now) + "#" + AFTER_ALL;
    }

    /** Unresolved charge attempts' index key: by last update, then merchant_uid. */
    static String unresolvedChargeSk(Instant updatedAt, String merchantUid) {
        return sortableTime(updatedAt) + "#" + merchantUid;
    }

    /** A webhook delivery's sort key: by arrival, made unique by {@code uniqueId}. */
    static String deliverySk(Instant receivedAt, String uniqueId) {
        return DELIVERY_PREFIX + sortableTime(receivedAt) + "#" + uniqueId;
    }

    static String productSk(String sku) {
        return PRODUCT_PREFIX + sku;
    }

    static String planSk(String planId) {
        return PLAN_PREFIX + planId;
    }

    static String webhookPk(String impUid) {
        return "WEBHOOK#" + impUid;
    }

    /** Client keys are hashed: bounded length, no separator characters from outside. */
    static String idempotencyPk(String scope, String keyHash) {
        return "IDEMPOTENCY#" + scope + "#" + keyHash;
    }

    /** Fixed-width, lexically ordered UTC time, e.g. {@code 2026-01-31T15:00:00.000Z}. */
    static String sortableTime(Instant instant) {
        return SORTABLE_TIME.format(instant);
    }

    static Instant parseTime(String value) {
        return Instant.parse(value);
    }
}
