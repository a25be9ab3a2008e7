package kr.storefront.payments.testkit.iamport;

import java.util.Optional;

/** {@code /payments/*}: lookups, prepare and cancel. */
final class PaymentsApi {

    static final String PAYMENT_NOT_FOUND = "존재하지 않는 결제정보입니다.";
    static final String PREPARE_NOT_FOUND = "사전등록된 결제정보가 존재하지 않습니다.";
    static final String ALREADY_PREPARED = "이미 사전등록된 결제정보가 있습니다.";

    private final PaymentLedger ledger;
    private final PreparedAmounts prepared;
    private final Refunds refunds;
    private final WebhookDispatcher webhooks;

    PaymentsApi(PaymentLedger ledger, PreparedAmounts prepared, Refunds refunds, WebhookDispatcher webhooks) {
        this.ledger = ledger;
        this.prepared = prepared;
        this.refunds = refunds;
        this.webhooks = webhooks;
    }

    /** {@code GET /payments/{imp_uid}}; test-channel payments only with {@code include_sandbox=true}. */
    ApiResponse getPayment(ApiRequest request) {
        boolean includeSandbox = request.queryFlag("include_sandbox");
        return ledger.find(request.pathVariable("imp_uid"))
                .filter(payment -> includeSandbox || !payment.sandbox())
                .map(payment -> ApiResponse.ok(ApiJson.payment(payment)))
                .orElseGet(() -> ApiResponse.notFound(PAYMENT_NOT_FOUND));
    }

    /**
     * {@code GET /payments/find/{merchant_uid}[/{payment_status}]}: the first payment by {@code sorting}.
     * Test-channel payments are found too ({@code sandbox: true}): the schema documents no
     * {@code include_sandbox} for find (only for {@code GET /payments/{imp_uid}}) and the reference leaves
     * it open (§11.2), so the sandbox's choice is to hide nothing; callers must check {@code sandbox}.
     */
    ApiResponse findPayment(ApiRequest request) {
        Optional<Payment.Status> status = Optional.ofNullable(request.pathVariable("payment_status"))
                .map(value -> Payment.Status.fromWire(value)
                        .orElseThrow(() -> new InvalidRequestException("payment_status 값이 올바르지 않습니다: " + value)));
        PaymentSorting sorting = request.queryParam("sorting")
                .map(value -> PaymentSorting.fromWire(value)
                        .orElseThrow(() -> new InvalidRequestException("sorting 값이 올바르지 않습니다: " + value)))
                .orElse(PaymentSorting.DEFAULT);
        return ledger.byMerchantUid(request.pathVariable("merchant_uid")).stream()
                .filter(payment -> status.isEmpty() || payment.status() == status.get())
                .min(sorting.comparator())
                .map(payment -> ApiResponse.ok(ApiJson.payment(payment)))
                .orElseGet(() -> ApiResponse.notFound(PAYMENT_NOT_FOUND));
    }

    /** {@code POST /payments/prepare}; registering a merchant_uid twice is refused (code 1). */
    ApiResponse prepare(ApiRequest request) {
        RequestParams params = request.params();
        var registration = new PreparedPayment(params.requireText("merchant_uid"), params.requireAmount("amount"),
                params.text("currency").orElse(null));
        if (!prepared.register(registration)) {
            return ApiResponse.refused(1, ALREADY_PREPARED);
        }
        return ApiResponse.ok(ApiJson.prepared(registration));
    }

    /**
     * {@code GET /payments/prepare/{merchant_uid}}. The schema documents no 404 here (only 200 and 401), so
     * an unknown merchant_uid is answered the way i'mport reports other business refusals: HTTP 200,
     * code 1, response null (the sandbox's choice; the code's value is not documented).
     */
    ApiResponse getPrepared(ApiRequest request) {
        return prepared.find(request.pathVariable("merchant_uid"))
                .map(registration -> ApiResponse.ok(ApiJson.prepared(registration)))
                .orElseGet(() -> ApiResponse.refused(1, PREPARE_NOT_FOUND));
    }

    /**
     * {@code POST /payments/cancel}: by imp_uid, else the paid payment of merchant_uid. {@code tax_free} is
     * accepted and ignored. A vbank payment needs {@code refund_holder}, {@code refund_bank} and {@code refund_account}
     * (refused without them); {@code refund_tel} (in the schema, asked for by some PGs only) is accepted and not
     * checked. With {@code enable_webhook=true} a "cancelled" webhook follows.
     */
    ApiResponse cancel(ApiRequest request) {
        RequestParams params = request.params();
        Optional<String> impUid = params.text("imp_uid");
        Optional<String> merchantUid = params.text("merchant_uid");
        if (impUid.isEmpty() && merchantUid.isEmpty()) {
            throw new InvalidRequestException("imp_uid 또는 merchant_uid 가 필요합니다.");
        }
        Optional<String> target = impUid.or(() -> merchantUid.flatMap(refunds::paidPaymentOf).map(Payment::impUid));
        var account = new Refunds.RefundAccount(params.text("refund_holder").orElse(null),
                params.text("refund_bank").orElse(null), params.text("refund_account").orElse(null));
        var refund = new Refunds.Request(params.amount("amount").orElse(null), params.amount("checksum").orElse(null),
                params.text("reason").orElse(null), account);
        Payment cancelled;
        try {
            cancelled = refunds.cancel(target.orElse(null), refund);
        } catch (CancellationRefusedException e) {
            return ApiResponse.refused(1, e.getMessage());
        }
        if (params.flag("enable_webhook")) {
            webhooks.cancelled(cancelled, cancelled.latestCancellation().cancellationId());
        }
        return ApiResponse.ok(ApiJson.payment(cancelled));
    }
}
