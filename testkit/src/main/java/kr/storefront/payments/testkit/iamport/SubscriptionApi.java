package kr.storefront.payments.testkit.iamport;

import java.util.Optional;

/**
 * {@code POST /subscribe/payments/again} and {@code /onetime}: server-side card charges.
 *
 * <p>Choices on the reference's [verify] points (§5.2, §5.3, §11.3-5):
 * <ul>
 *   <li>a merchant_uid that already has a paid payment is refused with code 1 and nothing is charged;
 *       a merchant_uid whose attempts only failed can be charged again;</li>
 *   <li>a {@code DECLINE_AS_CODE_MINUS_ONE} decline still records a failed payment, so a stray imp_uid
 *       exists as the reference warns, and find-by-merchant_uid reconciliation sees the attempt;</li>
 *   <li>an approved charge fires a "paid" webhook to notice_url or the console URL; declines fire none;</li>
 *   <li>{@code again} with a {@code channel_key} charges through that channel (its pg_provider and pg_id); an
 *       unknown key is refused with code -1 and nothing is charged;</li>
 *   <li>{@code onetime} with {@code customer_uid} saves the card, as the Toss guide shows ("issue and first
 *       charge"), although the schema marks customer_uid unsupported for tosspayments: for behaviour the guide
 *       wins. The saved key has no customer_id, which onetime does not take.</li>
 * </ul>
 */
final class SubscriptionApi {

    static final String UNKNOWN_CUSTOMER = "등록되지 않은 구매자입니다.";

    private final PaymentLedger ledger;
    private final BillingKeyRegistry keys;
    private final CardBehaviours behaviours;
    private final PaymentDrafts drafts;
    private final WebhookDispatcher webhooks;
    private final ChannelRegistry channels;
    private final SandboxClock clock;

    SubscriptionApi(PaymentLedger ledger, BillingKeyRegistry keys, CardBehaviours behaviours, PaymentDrafts drafts,
                    WebhookDispatcher webhooks, ChannelRegistry channels, SandboxClock clock) {
        this.channels = channels;
        this.ledger = ledger;
        this.keys = keys;
        this.behaviours = behaviours;
        this.drafts = drafts;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** {@code POST /subscribe/payments/again}: charges a saved billing key. */
    ApiResponse again(ApiRequest request) {
        RequestParams params = request.params();
        String customerUid = params.requireText("customer_uid");
        String merchantUid = params.requireText("merchant_uid");
        long amount = params.requireAmount("amount");
        params.requireText("name");
        Optional<BillingKey> key = keys.find(customerUid);
        if (key.isEmpty()) {
            return ApiResponse.refused(-1, UNKNOWN_CUSTOMER);
        }
        Optional<String> channelKey = params.text("channel_key");
        Optional<PgSelection> channel = channelKey.flatMap(channels::find).map(Channel::selection);
        if (channelKey.isPresent() && channel.isEmpty()) {
            return ApiResponse.refused(-1, ChannelRegistry.UNKNOWN_CHANNEL);
        }
        String pgProvider = channel.map(selection -> selection.provider().wire()).orElse(key.get().pgProvider());
        String pgId = channel.map(PgSelection::pgId).orElse(key.get().pgId());
        Payment.Builder draft = drafts.start(merchantUid, amount, pgProvider, pgId, params)
                .channel(Payment.Channel.API)
                .payMethod("card")
                .card(key.get().card())
                .cardQuota(cardQuota(params))
                .customerUid(customerUid)
                .customerUidUsage(Payment.CustomerUidUsage.PAYMENT)
                .sandbox(key.get().sandbox());
        return charge(draft, behaviours.forCustomer(customerUid), () -> { });
    }

    /**
     * {@code POST /subscribe/payments/onetime}: charges raw card data; with {@code customer_uid} an approved
     * card is also saved as that billing key (the Toss V1 page's "issue and first charge").
     */
    ApiResponse onetime(ApiRequest request) {
        RequestParams params = request.params();
        String merchantUid = params.requireText("merchant_uid");
        long amount = params.requireAmount("amount");
        String cardNumber = params.requireText("card_number");
        params.requireText("expiry");
        ApiModePg.Resolution resolution = ApiModePg.resolve(params, channels);
        Optional<PgSelection> pg = resolution.selection();
        if (pg.isEmpty()) {
            return ApiResponse.refused(-1, resolution.refusal());
        }
        Optional<String> customerUid = params.text("customer_uid");
        CardDetails card = CardNumbers.describe(cardNumber);
        Payment.Builder draft = drafts.start(merchantUid, amount, pg.get().provider().wire(), pg.get().pgId(), params)
                .channel(Payment.Channel.API)
                .payMethod("card")
                .card(card)
                .cardQuota(cardQuota(params))
                .customerUid(customerUid.orElse(null))
                .customerUidUsage(customerUid.isPresent() ? Payment.CustomerUidUsage.PAYMENT : null);
        return charge(draft, behaviours.forCardNumber(cardNumber),
                () -> customerUid.ifPresent(uid -> saveCard(uid, pg.get(), card, params)));
    }

    private void saveCard(String customerUid, PgSelection pg, CardDetails card, RequestParams params) {
        long now = clock.epochSecond();
        keys.issue(new BillingKey(customerUid, pg.provider().wire(), pg.pgId(), card, null, Contact.from(params, "buyer_"),
                now, now, false));
    }

    /** Settles and records the charge, runs {@code onApproved} before the "paid" webhook fires, and answers. */
    private ApiResponse charge(Payment.Builder draft, CardBehaviour behaviour, Runnable onApproved) {
        Payment payment = drafts.settle(draft, behaviour);
        if (!ledger.recordUnlessPaid(payment)) {
            return ApiResponse.refused(1, PaymentLedger.ALREADY_PAID);
        }
        if (payment.isPaid()) {
            onApproved.run();
            webhooks.statusChanged(payment);
        }
        if (behaviour.kind() == CardBehaviour.Kind.DECLINE_AS_CODE_MINUS_ONE) {
            return ApiResponse.refused(-1, behaviour.message());
        }
        return ApiResponse.ok(ApiJson.payment(payment));
    }

    private static int cardQuota(RequestParams params) {
        return params.integer("card_quota").orElse(0);
    }
}
