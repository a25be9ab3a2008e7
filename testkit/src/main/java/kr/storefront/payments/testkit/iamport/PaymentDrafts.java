package kr.storefront.payments.testkit.iamport;

import java.net.URI;

/** Starts new payments with the fields every flow shares, and settles card charges. */
final class PaymentDrafts {

    /** ".invalid" is reserved (RFC 2606): the URL looks real but can never be fetched. */
    private static final String RECEIPT_BASE = "https://receipts.iamport-sandbox.invalid/";

    private final SandboxIds ids;
    private final SandboxClock clock;

    PaymentDrafts(SandboxIds ids, SandboxClock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    /** A ready payment carrying the order fields of {@code params} (name, currency, buyer_*, custom_data, notice_url). */
    Payment.Builder start(String merchantUid, long amount, String pgProvider, String pgId, RequestParams params) {
        return start(ids.impUid(), merchantUid, amount, pgProvider, pgId, params);
    }

    /** As {@link #start(String, long, String, String, RequestParams)}, under an imp_uid the caller chose. */
    Payment.Builder start(String impUid, String merchantUid, long amount, String pgProvider, String pgId, RequestParams params) {
        long now = clock.epochSecond();
        return Payment.builder()
                .impUid(impUid)
                .merchantUid(merchantUid)
                .amount(amount)
                .pgProvider(pgProvider)
                .pgId(pgId)
                .pgTid(ids.pgTid())
                .name(params.text("name").orElse(null))
                .currency(params.text("currency").orElse("KRW"))
                .buyer(Contact.from(params, "buyer_"))
                .customData(params.jsonText("custom_data").orElse(null))
                .noticeUrl(params.text("notice_url").map(URI::create).orElse(null))
                .receiptUrl(RECEIPT_BASE + impUid)
                .startedAt(now)
                .updatedAt(now);
    }

    /** Applies the card company's answer to a card charge. */
    Payment settle(Payment.Builder draft, CardBehaviour behaviour) {
        long now = clock.epochSecond();
        if (behaviour.approves()) {
            return draft.paid(now).applyNum(ids.applyNum()).build();
        }
        return draft.failed(now, behaviour.message()).build();
    }
}
