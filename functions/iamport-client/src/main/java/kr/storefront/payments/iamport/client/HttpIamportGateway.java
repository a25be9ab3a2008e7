package kr.storefront.payments.iamport.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.retry.annotation.Retryable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Optional;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.iamport.BillingKeyCharge;
import kr.storefront.payments.core.iamport.BillingKeyIssue;
import kr.storefront.payments.core.iamport.CancelOutcome;
import kr.storefront.payments.core.iamport.CardDetails;
import kr.storefront.payments.core.iamport.ChargeOutcome;
import kr.storefront.payments.core.iamport.IamportAuthenticationException;
import kr.storefront.payments.core.iamport.IamportBillingKey;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.IamportProtocolException;
import kr.storefront.payments.core.iamport.IamportRejectedException;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.iamport.OneTimeCardCharge;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.secrets.InvalidSecretException;
import kr.storefront.payments.core.secrets.SecretUnavailableException;
import kr.storefront.payments.iamport.client.IamportExchange.CallKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IamportGateway} over HTTP. Reading the {@code {code, message, response}} envelope and
 * classifying answers happens here and nowhere else.
 */
@Singleton
class HttpIamportGateway implements IamportGateway {

    private static final Logger LOG = LoggerFactory.getLogger(HttpIamportGateway.class);
    private static final Argument<Envelope<WirePayloads.Payment>> PAYMENT = Envelope.of(WirePayloads.Payment.class);
    private static final Argument<Envelope<WirePayloads.Customer>> CUSTOMER = Envelope.of(WirePayloads.Customer.class);
    private static final Argument<Envelope<WirePayloads.Prepared>> PREPARED = Envelope.of(WirePayloads.Prepared.class);
    private static final String CURRENCY = "KRW";

    private final IamportExchange http;
    private final AccessTokenCache tokens;
    private final IamportConfiguration configuration;

    HttpIamportGateway(IamportExchange http, AccessTokenCache tokens, IamportConfiguration configuration) {
        this.http = http;
        this.tokens = tokens;
        this.configuration = configuration;
    }

    @Override
    @Retryable(includes = IamportUnavailableException.class, attempts = "${iamport.read-retries:2}",
            delay = "${iamport.read-retry-delay:200ms}", multiplier = "2.0", jitter = "0.25")
    public Optional<IamportPayment> findPayment(String impUid) {
        IamportAnswer<WirePayloads.Payment> answer = authorized("findPayment", CallKind.STANDARD, PAYMENT,
                api -> api.payment(impUid, configuration.includeSandbox()));
        return lookup("findPayment", answer).map(PaymentMapper::payment);
    }

    @Override
    @Retryable(includes = IamportUnavailableException.class, attempts = "${iamport.read-retries:2}",
            delay = "${iamport.read-retry-delay:200ms}", multiplier = "2.0", jitter = "0.25")
    public Optional<IamportPayment> findPaymentByMerchantUid(String merchantUid, @Nullable PaymentStatus status) {
        // no include_sandbox: the schema lists it for GET /payments/{imp_uid} only; test-channel payments
        // found here are refused by the confirm step unless iamport.include-sandbox
        IamportAnswer<WirePayloads.Payment> answer = authorized("findPaymentByMerchantUid", CallKind.STANDARD, PAYMENT,
                api -> status == null
                        ? api.paymentByMerchantUid(merchantUid)
                        : api.paymentByMerchantUid(merchantUid, status.code()));
        return lookup("findPaymentByMerchantUid", answer).map(PaymentMapper::payment);
    }

    @Override
    public void prepare(String merchantUid, long amount) {
        IamportAnswer<WirePayloads.Prepared> answer = authorized("prepare", CallKind.STANDARD, PREPARED,
                api -> api.prepare(new WirePayloads.PrepareRequest(merchantUid, amount, CURRENCY)));
        success("prepare", answer);
    }

    @Override
    @Retryable(includes = IamportUnavailableException.class, attempts = "${iamport.read-retries:2}",
            delay = "${iamport.read-retry-delay:200ms}", multiplier = "2.0", jitter = "0.25")
    public Optional<Long> findPreparedAmount(String merchantUid) {
        IamportAnswer<WirePayloads.Prepared> answer = authorized("findPreparedAmount", CallKind.STANDARD, PREPARED,
                api -> api.prepared(merchantUid));
        // the schema documents no 404 here: "nothing registered" may come as HTTP 200 with code != 0, or as a 404
        if (answer.status() == 200 && answer.readable() && answer.code() != 0 && answer.payload() == null) {
            return Optional.empty();
        }
        return lookup("findPreparedAmount", answer)
                .map(prepared -> PaymentMapper.won(requireAmount(prepared), "amount"));
    }

    @Override
    public CancelOutcome cancel(PaymentCancel cancel) {
        IamportAnswer<WirePayloads.Payment> answer;
        try {
            answer = authorized("cancel", CallKind.STANDARD, PAYMENT, api -> api.cancel(
                    new WirePayloads.CancelRequest(cancel.impUid(), cancel.amount(), cancel.taxFree(), cancel.checksum(),
                            cancel.reason(), cancel.refundHolder(), cancel.refundBank(), cancel.refundAccount(),
                            cancel.refundTel())));
        } catch (IamportUnavailableException e) {
            return e.requestSent() ? new CancelOutcome.Unknown(e.getMessage()) : new CancelOutcome.NotAttempted(e.getMessage());
        } catch (IamportAuthenticationException | SecretUnavailableException | InvalidSecretException e) {
            return new CancelOutcome.NotAttempted(e.getMessage());
        }
        CancelOutcome outcome = classifyCancel(answer);
        LOG.info("iamport cancel imp_uid={} -> {}", cancel.impUid(), outcome.getClass().getSimpleName());
        return outcome;
    }

    @Override
    public ChargeOutcome chargeBillingKey(BillingKeyCharge charge) {
        WirePayloads.AgainRequest again = new WirePayloads.AgainRequest(
                charge.customerUid(), charge.merchantUid(), charge.amount(), charge.name(), CURRENCY, charge.noticeUrl());
        ChargeOutcome outcome = charge("again", api -> api.again(again));
        LOG.info("iamport again merchant_uid={} -> {}", charge.merchantUid(), describe(outcome));
        return outcome;
    }

    @Override
    public ChargeOutcome chargeCardOnce(OneTimeCardCharge charge) {
        CardDetails card = charge.card();
        WirePayloads.OnetimeRequest onetime = new WirePayloads.OnetimeRequest(
                charge.merchantUid(), charge.amount(), charge.name(), CURRENCY, charge.pg(), card.cardNumber(), card.expiry(),
                card.birth(), card.pwd2digit(), charge.customerUid(), charge.noticeUrl());
        ChargeOutcome outcome = charge("onetime", api -> api.onetime(onetime));
        LOG.info("iamport onetime merchant_uid={} -> {}", charge.merchantUid(), describe(outcome));
        return outcome;
    }

    @Override
    public IamportBillingKey issueBillingKey(BillingKeyIssue issue) {
        CardDetails card = issue.card();
        WirePayloads.CustomerRequest customer = new WirePayloads.CustomerRequest(
                issue.channelKey(), issue.customerId(), card.cardNumber(), card.expiry(), card.birth(), card.pwd2digit());
        IamportAnswer<WirePayloads.Customer> answer = authorized("issueBillingKey", CallKind.CHARGE, CUSTOMER,
                api -> api.issueBillingKey(issue.customerUid(), customer));
        return PaymentMapper.billingKey(success("issueBillingKey", answer));
    }

    @Override
    @Retryable(includes = IamportUnavailableException.class, attempts = "${iamport.read-retries:2}",
            delay = "${iamport.read-retry-delay:200ms}", multiplier = "2.0", jitter = "0.25")
    public Optional<IamportBillingKey> findBillingKey(String customerUid) {
        IamportAnswer<WirePayloads.Customer> answer = authorized("findBillingKey", CallKind.STANDARD, CUSTOMER,
                api -> api.billingKey(customerUid));
        return lookup("findBillingKey", answer).map(PaymentMapper::billingKey);
    }

    @Override
    public boolean deleteBillingKey(String customerUid, String reason) {
        IamportAnswer<WirePayloads.Customer> answer = authorized("deleteBillingKey", CallKind.STANDARD, CUSTOMER,
                api -> api.deleteBillingKey(customerUid, reason));
        return lookup("deleteBillingKey", answer).isPresent();
    }

    /** Sends with a token ({@link IamportAuthorization}); on 401 that token is dropped and the call tried once more. */
    private <T> IamportAnswer<T> authorized(String operation, CallKind kind, Argument<Envelope<T>> type, IamportExchange.Call call) {
        // a token fetched here, not inside the call: failing to get one is plainly "not sent", and the
        // token request is an exchange of its own (its own connection under a zero reuse window)
        tokens.token();
        IamportAnswer<T> answer = http.send(operation, kind, type, call);
        if (answer.status() == 401) {
            answer = http.send(operation, kind, type, call);
            if (answer.status() == 401) {
                throw new IamportAuthenticationException("i'mport answered 401 to " + operation + " with a fresh token");
            }
        }
        return answer;
    }

    private ChargeOutcome charge(String operation, IamportExchange.Call call) {
        IamportAnswer<WirePayloads.Payment> answer;
        try {
            answer = authorized(operation, CallKind.CHARGE, PAYMENT, call);
        } catch (IamportUnavailableException e) {
            return e.requestSent() ? new ChargeOutcome.Unknown(e.getMessage()) : new ChargeOutcome.NotAttempted(e.getMessage());
        } catch (IamportAuthenticationException | SecretUnavailableException | InvalidSecretException e) {
            return new ChargeOutcome.NotAttempted(e.getMessage());
        }
        return classifyCharge(answer);
    }

    /**
     * The decision table for anything that charges a card (reference §5.2): only a readable
     * {@code code 0} answer with a {@code paid} or {@code failed} payment, or an explicit refusal,
     * is known; everything else may have moved money and is {@link ChargeOutcome.Unknown}.
     */
    private ChargeOutcome classifyCharge(IamportAnswer<WirePayloads.Payment> answer) {
        if (answer.isServerError() || answer.isUnexpectedStatus()) {
            return new ChargeOutcome.Unknown("i'mport answered HTTP " + answer.status());
        }
        if (!answer.isSuccess()) {
            // 4xx: the request itself was refused before any charge
            return new ChargeOutcome.Declined(answer.message(), answer.code(), null);
        }
        if (!answer.readable()) {
            return new ChargeOutcome.Unknown("unreadable answer with HTTP " + answer.status());
        }
        if (answer.code() != 0) {
            return new ChargeOutcome.Declined(answer.message(), answer.code(), null);
        }
        if (answer.payload() == null) {
            return new ChargeOutcome.Unknown("code 0 without a payment");
        }
        IamportPayment payment;
        try {
            payment = PaymentMapper.payment(answer.payload());
        } catch (IamportProtocolException e) {
            return new ChargeOutcome.Unknown(e.getMessage());
        }
        return switch (payment.status()) {
            case PAID -> new ChargeOutcome.Paid(payment);
            case FAILED -> new ChargeOutcome.Declined(
                    payment.failReason() == null ? "declined" : payment.failReason(), 0, payment);
            default -> new ChargeOutcome.Unknown("payment " + payment.impUid() + " is " + payment.status().code());
        };
    }

    private CancelOutcome classifyCancel(IamportAnswer<WirePayloads.Payment> answer) {
        if (answer.isServerError() || answer.isUnexpectedStatus()) {
            return new CancelOutcome.Unknown("i'mport answered HTTP " + answer.status());
        }
        if (!answer.isSuccess() || (answer.readable() && answer.code() != 0)) {
            return new CancelOutcome.Rejected(answer.message(), answer.code());
        }
        if (answer.payload() == null) {
            return new CancelOutcome.Unknown("unreadable cancel answer");
        }
        try {
            return new CancelOutcome.Cancelled(PaymentMapper.payment(answer.payload()));
        } catch (IamportProtocolException e) {
            return new CancelOutcome.Unknown(e.getMessage());
        }
    }

    /** For reads: 404 is "none"; other failures throw. */
    private static <T> Optional<T> lookup(String operation, IamportAnswer<T> answer) {
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(success(operation, answer));
    }

    /** A successful {@code code 0} answer's {@code response}, or the typed failure. */
    private static <T> T success(String operation, IamportAnswer<T> answer) {
        if (answer.isServerError()) {
            throw new IamportUnavailableException("i'mport " + operation + " answered HTTP " + answer.status(), true, null);
        }
        if (!answer.isSuccess()) {
            throw new IamportRejectedException(operation, answer.status(), answer.code(), answer.message());
        }
        if (!answer.readable()) {
            throw new IamportProtocolException("unreadable " + operation + " answer", null);
        }
        if (answer.code() != 0) {
            throw new IamportRejectedException(operation, answer.status(), answer.code(), answer.message());
        }
        if (answer.payload() == null) {
            throw new IamportProtocolException(operation + " answered code 0 without a response", null);
        }
        return answer.payload();
    }

    private static BigDecimal requireAmount(WirePayloads.Prepared prepared) {
        if (prepared.amount() == null) {
            throw new IamportProtocolException("prepare answer lacks amount", null);
        }
        return prepared.amount();
    }

    private static String describe(ChargeOutcome outcome) {
        if (outcome instanceof ChargeOutcome.Paid paid) {
            return "paid imp_uid=" + paid.payment().impUid();
        }
        if (outcome instanceof ChargeOutcome.Declined declined) {
            return "declined (code " + declined.code() + "): " + declined.reason();
        }
        if (outcome instanceof ChargeOutcome.NotAttempted notAttempted) {
            return "not attempted: " + notAttempted.reason();
        }
        return "UNKNOWN, to reconcile: " + ((ChargeOutcome.Unknown) outcome).reason();
    }
}
