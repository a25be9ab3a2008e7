package kr.storefront.payments.testkit.iamport;

import java.util.Optional;

/**
 * {@code /subscribe/customers/{customer_uid}}: API-mode issuance, lookup and deletion of billing keys.
 * Issuance only checks the card: a {@code DECLINE_AS_CODE_MINUS_ONE} card behaviour fails it with code -1,
 * charge-time declines do not.
 */
final class BillingKeyApi {

    private final BillingKeyRegistry keys;
    private final CardBehaviours behaviours;
    private final SandboxClock clock;

    BillingKeyApi(BillingKeyRegistry keys, CardBehaviours behaviours, SandboxClock clock) {
        this.keys = keys;
        this.behaviours = behaviours;
        this.clock = clock;
    }

    ApiResponse issue(ApiRequest request) {
        String customerUid = request.pathVariable("customer_uid");
        RequestParams params = request.params();
        String cardNumber = params.requireText("card_number");
        params.requireText("expiry");
        params.requireText("birth");
        Optional<PgSelection> pg = ApiModePg.resolve(params);
        if (pg.isEmpty()) {
            return ApiResponse.refused(-1, ApiModePg.refusal(params));
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
