package kr.storefront.payments.testkit.iamport;

/**
 * A billing key as PortOne shows it ({@code GET /subscribe/customers/{customer_uid}}): the card is
 * masked and there is no expiry or validity flag, as in the real customer object.
 *
 * @param inserted UNIX seconds of the first issuance under this customer_uid
 * @param updated  UNIX seconds of the latest (re-)issuance
 */
public record BillingKey(
        String customerUid,
        String pgProvider,
        String pgId,
        CardDetails card,
        String customerId,
        Contact customer,
        long inserted,
        long updated,
        boolean sandbox) {

    BillingKey reissuedOver(BillingKey previous) {
        return new BillingKey(customerUid, pgProvider, pgId, card, customerId, customer, previous.inserted, updated, sandbox);
    }
}
