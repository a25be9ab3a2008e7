package kr.storefront.payments.iamport.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.retry.annotation.Retryable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
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
import kr.storefront.payments.core.json.TolerantJson;
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
    private final JsonMapper json;

    HttpIamportGateway(IamportExchange http, AccessTokenCache tokens, IamportConfiguration configuration, JsonMapper json) {
        this.tokens = tokens;
        this.http = http;
        this.configuration = configuration;
        this.json = TolerantJson.of(json); // i'mport's answers: see TolerantJson
    }

    @Override
    @Retryable(includes = IamportUnavailableException.class, attempts = "${iamport.read-retries:2}",
            delay = "${iamport.read-retry-delay:200ms}", multiplier = "2.0", jitter = "0.25")
    public Optional<IamportPayment> findPayment(String impUid) {
        RawResponse response = authorized("findPayment", CallKind.STANDARD,
                api -> api.payment(impUid, configuration.includeSandbox()));
        return lookup("findPayment", response, PAYMENT).map(PaymentMapper::payment);
    }

    @Override
    @Retryable(includes = IamportUnavailableException.class, attempts = "${iamport.read-retries:2}",
            delay = "${iamport.read-retry-delay:200ms}", multiplier = "2.0", jitter = "0.25")
    public Optional<IamportPayment> findPaymentByMerchantUid(String merchantUid, @Nullable PaymentStatus status) {
        // no include_sandbox: the schema lists it for GET /payments/{imp_uid} only; test-channel payments
        // found here are refused by the confirm step unless iamport.include-sandbox
        RawResponse response = authorized("findPaymentByMerchantUid", CallKind.STANDARD, api -> status == null
                ? api.paymentByMerchantUid(merchantUid)
                : api.paymentByMerchantUid(merchantUid, status.code()));
        return lookup("findPaymentByMerchantUid", response, PAYMENT).map(PaymentMapper::payment);
    }

    @Override
    public void prepare(String merchantUid, long amount) {
        RawResponse response = authorized("prepare", CallKind.STANDARD,
                api -> api.prepare(new WirePayloads.PrepareRequest(merchantUid, amount, CURRENCY)));
        success("prepare", response, PREPARED);
    }

    @Override
    @Retryable(includes = IamportUnavailableException.class, attempts = "${iamport.read-retries:2}",
            delay = "${iamport.read-retry-delay:200ms}", multiplier = "2.0", jitter = "0.25")
    public Optional<Long> findPreparedAmount(String merchantUid) {
        RawResponse response = authorized("findPreparedAmount", CallKind.STANDARD, api -> api.prepared(merchantUid));
        // the schema documents no 404 here: "nothing registered" may come as HTTP 200 with code != 0, or as a 404
        if (response.status() == 200 && tryDecode(response, PREPARED)
                .filter(envelope -> envelope.code() != 0 && envelope.response() == null).isPresent()) {
            return Optional.empty();
        }
        return lookup("findPreparedAmount", response, PREPARED)
                .map(prepared -> PaymentMapper.won(requireAmount(prepared), "amount"));
    }

    @Override
    public CancelOutcome cancel(PaymentCancel cancel) {
        RawResponse response;
        try {
            response = authorized("cancel", CallKind.STANDARD, api -> api.cancel(
                    new WirePayloads.CancelRequest(cancel.impUid(), cancel.amount(), cancel.checksum(), cancel.reason())));
        } catch (IamportUnavailableException e) {
            return e.requestSent() ? new CancelOutcome.Unknown(e.getMessage()) : new CancelOutcome.NotAttempted(e.getMessage());
        } catch (IamportAuthenticationException | SecretUnavailableException | InvalidSecretException e) {
            return new CancelOutcome.NotAttempted(e.getMessage());
        }
        CancelOutcome outcome = classifyCancel(response);
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
        RawResponse response = authorized("issueBillingKey", CallKind.CHARGE,
                api -> api.issueBillingKey(issue.customerUid(), customer));
        return PaymentMapper.billingKey(success("issueBillingKey", response, CUSTOMER));
    }

    @Override
    @Retryable(includes = IamportUnavailableException.class, attempts = "${iamport.read-retries:2}",
            delay = "${iamport.read-retry-delay:200ms}", multiplier = "2.0", jitter = "0.25")
    public Optional<IamportBillingKey> findBillingKey(String customerUid) {
        RawResponse response = authorized("findBillingKey", CallKind.STANDARD, api -> api.billingKey(customerUid));
        return lookup("findBillingKey", response, CUSTOMER).map(PaymentMapper::billingKey);
    }

    @Override
    public boolean deleteBillingKey(String customerUid, String reason) {
        RawResponse response = authorized("deleteBillingKey", CallKind.STANDARD,
                api -> api.deleteBillingKey(customerUid, reason));
        return lookup("deleteBillingKey", response, CUSTOMER).isPresent();
    }

    /** Sends with a token ({@link IamportAuthorization}); on 401 that token is dropped and the call tried once more. */
    private RawResponse authorized(String operation, CallKind kind, Function<IamportV1, CompletableFuture<HttpResponse<byte[]>>> call) {
        // a token fetched here, not inside the call: failing to get one is plainly "not sent", and the
        // token request is an exchange of its own (its own connection under a zero reuse window)
        tokens.token();
        RawResponse response = http.send(operation, kind, call);
        if (response.status() == 401) {
            response = http.send(operation, kind, call);
            if (response.status() == 401) {
                throw new IamportAuthenticationException("i'mport answered 401 to " + operation + " with a fresh token");
            }
        }
        return response;
    }

    private ChargeOutcome charge(String operation, Function<IamportV1, CompletableFuture<HttpResponse<byte[]>>> call) {
        RawResponse response;
        try {
            response = authorized(operation, CallKind.CHARGE, call);
        } catch (IamportUnavailableException e) {
            return e.requestSent() ? new ChargeOutcome.Unknown(e.getMessage()) : new ChargeOutcome.NotAttempted(e.getMessage());
        } catch (IamportAuthenticationException | SecretUnavailableException | InvalidSecretException e) {
            return new ChargeOutcome.NotAttempted(e.getMessage());
        }
        return classifyCharge(response);
    }

    /**
     * The decision table for anything that charges a card (reference §5.2): only a readable
     * {@code code 0} answer with a {@code paid} or {@code failed} payment, or an explicit refusal,
     * is known; everything else may have moved money and is {@link ChargeOutcome.Unknown}.
     */
    private ChargeOutcome classifyCharge(RawResponse response) {
        if (response.isServerError() || response.status() < 200 || (response.status() >= 300 && response.status() < 400)) {
            return new ChargeOutcome.Unknown("i'mport answered HTTP " + response.status());
        }
        Optional<Envelope<WirePayloads.Payment>> envelope = tryDecode(response, PAYMENT);
        if (!response.isSuccess()) {
            // 4xx: the request itself was refused before any charge
            return new ChargeOutcome.Declined(message(envelope, response), envelope.map(Envelope::code).orElse(-1), null);
        }
        if (envelope.isEmpty()) {
            return new ChargeOutcome.Unknown("unreadable answer with HTTP " + response.status());
        }
        Envelope<WirePayloads.Payment> answer = envelope.get();
        if (answer.code() != 0) {
            return new ChargeOutcome.Declined(message(envelope, response), answer.code(), null);
        }
        if (answer.response() == null) {
            return new ChargeOutcome.Unknown("code 0 without a payment");
        }
        IamportPayment payment;
        try {
            payment = PaymentMapper.payment(answer.response());
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

    private CancelOutcome classifyCancel(RawResponse response) {
        if (response.isServerError() || response.status() < 200 || (response.status() >= 300 && response.status() < 400)) {
            return new CancelOutcome.Unknown("i'mport answered HTTP " + response.status());
        }
        Optional<Envelope<WirePayloads.Payment>> envelope = tryDecode(response, PAYMENT);
        if (!response.isSuccess() || (envelope.isPresent() && envelope.get().code() != 0)) {
            return new CancelOutcome.Rejected(message(envelope, response), envelope.map(Envelope::code).orElse(-1));
        }
        if (envelope.isEmpty() || envelope.get().response() == null) {
            return new CancelOutcome.Unknown("unreadable cancel answer");
        }
        try {
            return new CancelOutcome.Cancelled(PaymentMapper.payment(envelope.get().response()));
        } catch (IamportProtocolException e) {
            return new CancelOutcome.Unknown(e.getMessage());
        }
    }

    /** For reads: 404 is "none"; other failures throw. */
    private <T> Optional<T> lookup(String operation, RawResponse response, Argument<Envelope<T>> type) {
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(success(operation, response, type));
    }

    /** A successful {@code code 0} answer's {@code response}, or the typed failure. */
    private <T> T success(String operation, RawResponse response, Argument<Envelope<T>> type) {
        if (response.isServerError()) {
            throw new IamportUnavailableException("i'mport " + operation + " answered HTTP " + response.status(), true, null);
        }
        Optional<Envelope<T>> envelope = tryDecode(response, type);
        if (!response.isSuccess()) {
            throw new IamportRejectedException(operation, response.status(), envelope.map(Envelope::code).orElse(-1),
                    message(envelope, response));
        }
        if (envelope.isEmpty()) {
            throw new IamportProtocolException("unreadable " + operation + " answer", null);
        }
        if (envelope.get().code() != 0) {
            throw new IamportRejectedException(operation, response.status(), envelope.get().code(), message(envelope, response));
        }
        if (envelope.get().response() == null) {
            throw new IamportProtocolException(operation + " answered code 0 without a response", null);
        }
        return envelope.get().response();
    }

    private <T> Optional<Envelope<T>> tryDecode(RawResponse response, Argument<Envelope<T>> type) {
        if (response.body().length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(response.body(), type));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String message(Optional<? extends Envelope<?>> envelope, RawResponse response) {
        return envelope.map(Envelope::message).filter(m -> !m.isBlank())
                .orElse("HTTP " + response.status() + envelope.map(e -> ", code " + e.code()).orElse(""));
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
