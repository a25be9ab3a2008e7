package kr.storefront.payments.testkit.iamport;

import java.util.Optional;

/**
 * {@code /subscribe/customers/{customer_uid}}: API-mode issuance, lookup and deletion of billing keys.
 * Issuance only checks the card: a {@code DECLINE_AS_CODE_MINUS_ONE} card behaviour fails it with code -1,
 * charge-time declines do not.
 *
 * <p>Issuance takes its PG from {@code channel_key}, which the schema requires (reference §11.6 asked whether
 * {@code pg} still works: the sandbox follows the schema). An unknown key, or a channel whose PG has no API
 * mode, is refused with code -1 like a PG refusal (the sandbox's choice; i'mport's answer is undocumented);
 * {@code pg} is then ignored; without the key the request is refused (400) as the schema requires. {@code birth} and {@code pwd_2digit} are optional as in the schema;
 * {@code customer_id}, which the schema marks required for tosspayments, is not enforced, since PortOne makes
 * one up when it is missing (reference §5.5).
 */
final class BillingKeyApi {

    private final BillingKeyRegistry keys;
    private final CardBehaviours behaviours;
    private final ChannelRegistry channels;
    private final SandboxClock clock;

    BillingKeyApi(BillingKeyRegistry keys, CardBehaviours behaviours, ChannelRegistry channels, SandboxClock clock) {
        this.keys = keys;
        this.behaviours = behaviours;
        this.channels = channels;
        this.clock = clock;
    }

    ApiResponse issue(ApiRequest request) {
        String customerUid = request.pathVariable("customer_uid");
        RequestParams params = request.params();
        String cardNumber = params.requireText("card_number");
        params.requireText("expiry");
        ApiModePg.Resolution resolution = ApiModePg.resolve(params, channels);
        Optional<PgSelection> pg = resolution.selection();
        if (pg.isEmpty()) {
            return ApiResponse.refused(-1, resolution.refusal());
        }
        CardBehaviour behaviour = behaviours.forCardNumber(cardNumber);
        if (behaviour.kind() == CardBehaviour.Kind.DECLINE_AS_CODE_MINUS_ONE) {
            return ApiResponse.refused(-1, behaviour.message());
        }
        long now = clock.epochSecond();
        BillingKey key = keys.issue(new BillingKey(customerUid, pg.get().provider().wire(), pg.get().pgId(),
                CardNumbers.describe(cardNumber), params.text("customer_id").orElse(null), Contact.from(params, "customer_"),
                now, now, false));
        return ApiResponse.ok(ApiJson.billingKey(key));
    }

    ApiResponse get(ApiRequest request) {
        String customerUid = request.pathVariable("customer_uid");
        return keys.find(customerUid)
                .map(key -> ApiResponse.ok(ApiJson.billingKey(key)))
                .orElseGet(() -> notFound(customerUid));
    }

    /** Deleting returns the deleted key; {@code reason} is accepted and ignored. */
    ApiResponse delete(ApiRequest request) {
        String customerUid = request.pathVariable("customer_uid");
        return keys.delete(customerUid)
                .map(key -> ApiResponse.ok(ApiJson.billingKey(key)))
                .orElseGet(() -> notFound(customerUid));
    }

    private static ApiResponse notFound(String customerUid) {
        return ApiResponse.notFound("요청하신 customer_uid(" + customerUid + ")로 등록된 정보를 찾을 수 없습니다.");
    }
}
