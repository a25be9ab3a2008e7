package kr.storefront.payments.testkit.iamport;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@code IMP.request_pay} and the PG window do: pre-start checks, the buyer's outcome, billing-key
 * issuance and the webhook. {@link WindowResults} shapes what the browser gets back.
 *
 * <p>Choices on the reference's [verify] points:
 * <ul>
 *   <li>Billing-key window on a PG that does not charge (payco, chai, tosspayments, kakaopay with amount 0):
 *       the payment is recorded as {@link KeyOnlyWindowPayment} says (default: status "paid", amount 0,
 *       customer_uid_usage "issue"); the key is issued whatever that shape, and no webhook fires unless the
 *       shape is a real charge, since issuance is not a webhook event. kakaopay with amount &gt; 0 charges that
 *       amount (card behaviour of the customer_uid applies), records it with usage "issue" and fires "paid".</li>
 *   <li>A buyer who closes the window leaves the payment "ready", as most PGs do (Inicis would say failed).</li>
 *   <li>The PG comes from {@code channelKey} (PortOne's current way) or the deprecated {@code pg}
 *       ({@code "<pg>"} or {@code "<pg>.<MID>"}); when both are given the channel wins. One of them is required:
 *       the sandbox has no console default channel. An unknown channel key keeps the window from opening. The
 *       payment gets the channel's PG as pg_provider and its MID as pg_id.</li>
 * </ul>
 */
final class CheckoutWindow {

    private static final String PC_USER_AGENT =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    private static final String MOBILE_USER_AGENT =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
    private static final Payment.BankDetails TRANSFER_BANK = new Payment.BankDetails("088", "신한은행");
    private static final Duration VBANK_VALIDITY = Duration.ofDays(3);
    private static final String VBANK_HOLDER = "(주)샌드박스상점";

    private final PaymentLedger ledger;
    private final PreparedAmounts prepared;
    private final BillingKeyRegistry keys;
    private final CardBehaviours behaviours;
    private final PaymentDrafts drafts;
    private final WebhookDispatcher webhooks;
    private final ChannelRegistry channels;
    private final SandboxIds ids;
    private final SandboxClock clock;
    private volatile KeyOnlyWindowPayment keyOnlyWindowPayment = KeyOnlyWindowPayment.PAID_ZERO;

    CheckoutWindow(PaymentLedger ledger, PreparedAmounts prepared, BillingKeyRegistry keys, CardBehaviours behaviours,
                   PaymentDrafts drafts, WebhookDispatcher webhooks, ChannelRegistry channels, SandboxIds ids,
                   SandboxClock clock) {
        this.channels = channels;
        this.ledger = ledger;
        this.prepared = prepared;
        this.keys = keys;
        this.behaviours = behaviours;
        this.drafts = drafts;
        this.webhooks = webhooks;
        this.ids = ids;
        this.clock = clock;
    }

    /** Misuse of the simulation itself (not of the API) throws IllegalArgumentException. */
    WindowResult complete(WindowRequest request) {
        RequestParams params = RequestParams.of(request.params());
        Optional<PgSelection> pg = channels.window(params);
        Optional<String> refusal = preStartRefusal(request, params, pg);
        if (refusal.isPresent()) {
            return WindowResults.refused(request, pg.map(PgSelection::provider), refusal.get());
        }
        PgProvider provider = pg.get().provider();
        String merchantUid = params.requireText("merchant_uid");
        Optional<String> customerUid = params.text("customer_uid");
        boolean mobile = request.device() == WindowRequest.Device.MOBILE;
        long paidAmount = paidAmount(request, params);
        String impUid = request.impUid() != null ? unused(request.impUid()) : ids.impUid();
        Payment.Builder draft = drafts.start(impUid, merchantUid, paidAmount, provider.wire(), pg.get().pgId(), params)
                .payMethod(params.text("pay_method").orElse("card"))
                .channel(mobile ? Payment.Channel.MOBILE : Payment.Channel.PC)
                .userAgent(mobile ? MOBILE_USER_AGENT : PC_USER_AGENT)
                .escrow(params.flag("escrow"))
                .sandbox(request.testChannel());
        Payment payment = customerUid.isPresent()
                ? issueKey(draft, request.outcome(), provider, customerUid.get())
                : pay(draft, request.outcome(), provider);
        if (!ledger.recordUnlessPaid(payment)) {
            return WindowResults.alreadyPaid(request, provider);
        }
        boolean charging = provider.chargesWhenIssuingInWindow() && paidAmount > 0;
        boolean keyIssued = request.outcome().kind() == WindowOutcome.Kind.PAY && (!charging || payment.isPaid());
        if (customerUid.isPresent() && keyIssued) {
            saveWindowKey(customerUid.get(), pg.get(), params, request.testChannel());
        }
        if ((payment.isPaid() && payment.amount() > 0) || payment.awaitsDeposit()) {
            webhooks.statusChanged(payment);
        }
        // a key-only window that issued the key succeeded, whatever its payment's status says
        boolean success = payment.isPaid() || payment.awaitsDeposit() || (customerUid.isPresent() && keyIssued);
        return WindowResults.finished(request, provider, payment, success);
    }

    /** Why {@code IMP.request_pay} would not even open the PG window, if it would not. */
    private Optional<String> preStartRefusal(WindowRequest request, RequestParams params, Optional<PgSelection> pg) {
        Optional<String> merchantUid = params.text("merchant_uid");
        if (merchantUid.isEmpty() || validAmount(params).isEmpty()) {
            return Optional.of("merchant_uid 와 amount 는 필수 파라미터입니다.");
        }
        if (pg.isEmpty()) {
            return Optional.of(params.text("channelKey").isPresent() ? ChannelRegistry.UNKNOWN_CHANNEL
                    : "지원하지 않는 PG사입니다: " + params.text("pg").orElse("(channelKey, pg 없음)"));
        }
        if (!request.bypassPrepareCheck() && !matchesPrepared(merchantUid.get(), paidAmount(request, params), params)) {
            return Optional.of("사전등록된 결제정보와 결제금액이 일치하지 않습니다.");
        }
        if (params.text("customer_uid").isPresent() && !pg.get().provider().issuesKeysInWindow()) {
            return Optional.of(pg.get().provider().wire() + " 는 결제창 빌링키 발급을 지원하지 않습니다.");
        }
        return Optional.empty();
    }

    /** A pinned imp_uid names a new payment, as every imp_uid i'mport assigns does. */
    private String unused(String impUid) {
        if (!impUid.matches("imp_[0-9]{12}") || ledger.find(impUid).isPresent()) {
            throw new IllegalArgumentException("imp_uid " + impUid + " is taken or not in i'mport's format (imp_ + 12 digits)");
        }
        return impUid;
    }

    /** What the browser really sent: a tampered amount wins over {@code params.amount}. */
    private static long paidAmount(WindowRequest request, RequestParams params) {
        return request.tamperedAmount() != null ? request.tamperedAmount() : params.requireAmount("amount");
    }

    private void saveWindowKey(String customerUid, PgSelection pg, RequestParams params, boolean testChannel) {
        long now = clock.epochSecond();
        keys.issue(new BillingKey(customerUid, pg.provider().wire(), pg.pgId(), CardNumbers.WINDOW_CARD,
                params.text("customer_id").orElse(null), Contact.from(params, "buyer_"), now, now, testChannel));
    }

    private Payment pay(Payment.Builder draft, WindowOutcome outcome, PgProvider provider) {
        long now = clock.epochSecond();
        String payMethod = draft.payMethod();
        return switch (outcome.kind()) {
            case PAY -> withPayMethodDetails(draft, payMethod, provider, now).paid(now)
                    .applyNum(payMethod.equals("card") ? ids.applyNum() : null).build();
            case FAIL -> withPayMethodDetails(draft, payMethod, provider, now).failed(now, outcome.failReason()).build();
            case ISSUE_VBANK -> {
                if (!payMethod.equals("vbank")) {
                    throw new IllegalArgumentException("ISSUE_VBANK needs pay_method \"vbank\", not \"" + payMethod + "\"");
                }
                yield draft.vbank(virtualAccount(provider, now)).build();
            }
            case USER_CANCEL -> draft.build();
        };
    }

    void setKeyOnlyWindowPayment(KeyOnlyWindowPayment shape) {
        keyOnlyWindowPayment = shape;
    }

    /** Billing-key issuance is card only; only kakaopay with an amount really charges. */
    private Payment issueKey(Payment.Builder draft, WindowOutcome outcome, PgProvider provider, String customerUid) {
        long now = clock.epochSecond();
        draft.payMethod("card").card(CardNumbers.WINDOW_CARD).customerUid(customerUid)
                .customerUidUsage(Payment.CustomerUidUsage.ISSUE);
        return switch (outcome.kind()) {
            case PAY -> provider.chargesWhenIssuingInWindow() && draft.amount() > 0
                    ? drafts.settle(draft, behaviours.forCustomer(customerUid))
                    : switch (keyOnlyWindowPayment) {
                        case PAID_ZERO -> draft.amount(0).paid(now).build();
                        case READY_SHOWN -> draft.build();
                        case PAID_SHOWN -> draft.paid(now).applyNum(ids.applyNum()).build();
                    };
            case FAIL -> draft.failed(now, outcome.failReason()).build();
            case USER_CANCEL -> draft.build();
            case ISSUE_VBANK -> throw new IllegalArgumentException("a billing-key window cannot issue a virtual account");
        };
    }

    private Payment.Builder withPayMethodDetails(Payment.Builder draft, String payMethod, PgProvider provider, long now) {
        return switch (payMethod) {
            case "card" -> draft.card(CardNumbers.WINDOW_CARD);
            case "trans" -> draft.bank(TRANSFER_BANK);
            case "vbank" -> draft.vbank(virtualAccount(provider, now));
            default -> draft;
        };
    }

    private Payment.VirtualAccount virtualAccount(PgProvider provider, long now) {
        return new Payment.VirtualAccount("004", "KB국민은행", ids.vbankNum(),
                provider.disclosesVbankHolder() ? VBANK_HOLDER : null, now + VBANK_VALIDITY.toSeconds(), now);
    }

    private boolean matchesPrepared(String merchantUid, long paidAmount, RequestParams params) {
        return prepared.find(merchantUid)
                .map(registration -> registration.amount() == paidAmount
                        && (registration.currency() == null
                            || registration.currency().equals(params.text("currency").orElse("KRW"))))
                .orElse(true);
    }

    private static Optional<Long> validAmount(RequestParams params) {
        try {
            return params.amount("amount");
        } catch (InvalidRequestException e) {
            return Optional.empty();
        }
    }
}
