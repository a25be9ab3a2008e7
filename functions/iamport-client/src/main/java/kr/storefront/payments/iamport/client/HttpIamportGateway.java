package kr.storefront.payments.iamport.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.retry.annotation.Retryable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import kr.storefront.payments.core.json.TolerantJson;
import kr.storefront.payments.core.secrets.InvalidSecretException;
import kr.storefront.payments.core.secrets.SecretUnavailableException;
import kr.storefront.payments.iamport.client.IamportHttp.CallKind;
import kr.storefront.payments.iamport.client.IamportHttp.Method;
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

    private final IamportHttp http;
    private final AccessTokenCache tokens;
    private final IamportConfiguration configuration;
    private final JsonMapper json;

    HttpIamportGateway(IamportHttp http, AccessTokenCache tokens, IamportConfiguration configuration, JsonMapper json) {
        this.http = http;
        this.tokens = tokens;
        this.configuration = configuration;
        this.json = TolerantJson.of(json); // i'mport's answers: see TolerantJson
    }

    @Override
    @Retryable(includes = IamportUnavailableException.class, attempts = "${iamport.read-retries:2}",
            delay = "${iamport.read-retry-delay:200ms}", multiplier = "2.0", jitter = "0.25")
    public Optional<IamportPayment> findPayment(String impUid) {
        RawResponse response = authorized("findPayment", Method.GET,
                "/payments/" + segment(impUid) + sandboxQuery(), null, CallKind.STANDARD);
        return lookup("findPayment", response, PAYMENT).map(PaymentMapper::payment);
    }

    @Override
    @Retryable(includes = IamportUnavailableException.class, attempts = "${iamport.read-retries:2}",
            delay = "${iamport.read-retry-delay:200ms}", multiplier = "2.0", jitter = "0.25")
    public Optional<IamportPayment> findPaymentByMerchantUid(String merchantUid, @Nullable PaymentStatus status) {
        // no include_sandbox: the schema lists it for GET /payments/{imp_uid} only; test-channel payments
        // found here are refused by the confirm step unless iamport.include-sandbox
        String path = "/payments/find/" + segment(merchantUid) + (status == null ? "" : "/" + status.code());
        RawResponse response = authorized("findPaymentByMerchantUid", Method.GET, path, null, CallKind.STANDARD);
        return lookup("findPaymentByMerchantUid", response, PAYMENT).map(PaymentMapper::payment);
    }

    @Override
    public void prepare(String merchantUid, long amount) {
        RawResponse response = authorized("prepare", Method.POST, "/payments/prepare",
                new WirePayloads.PrepareRequest(merchantUid, amount, CURRENCY), CallKind.STANDARD);
        success("prepare", response, PREPARED);
    }

    @Override
    @Retryable(includes = IamportUnavailableException.class, attempts = "${iamport.read-retries:2}",
            delay = "${iamport.read-retry-delay:200ms}", multiplier = "2.0", jitter = "0.25")
    public Optional<Long> findPreparedAmount(String merchantUid) {
        RawResponse response = authorized("findPreparedAmount", Method.GET,
                "/payments/prepare/" + segment(merchantUid), null, CallKind.STANDARD);
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
            response = authorized("cancel", Method.POST, "/payments/cancel",
                    new WirePayloads.CancelRequest(cancel.impUid(), cancel.amount(), cancel.checksum(), cancel.reason()),
                    CallKind.STANDARD);
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
        ChargeOutcome outcome = charge("again", "/subscribe/payments/again", new WirePayloads.AgainRequest(
                charge.customerUid(), charge.merchantUid(), charge.amount(), charge.name(), CURRENCY, charge.noticeUrl()));
        LOG.info("iamport again merchant_uid={} -> {}", charge.merchantUid(), describe(outcome));
        return outcome;
    }

    @Override
    public ChargeOutcome chargeCardOnce(OneTimeCardCharge charge) {
        CardDetails card = charge.card();
        ChargeOutcome outcome = charge("onetime", "/subscribe/payments/onetime", new WirePayloads.OnetimeRequest(
                charge.merchantUid(), charge.amount(), charge.name(), CURRENCY, charge.pg(), card.cardNumber(), card.expiry(),
                card.birth(), card.pwd2digit(), charge.customerUid(), charge.noticeUrl()));
        LOG.info("iamport onetime merchant_uid={} -> {}", charge.merchantUid(), describe(outcome));
        return outcome;
    }

    @Override
    public IamportBillingKey issueBillingKey(BillingKeyIssue issue) {
        CardDetails card = issue.card();
        RawResponse response = authorized("issueBillingKey", Method.POST, "/subscribe/customers/" + segment(issue.customerUid()),
                new WirePayloads.CustomerRequest(issue.channelKey(), issue.customerId(), card.cardNumber(), card.expiry(), card.birth(), card.pwd2digit()),
                CallKind.CHARGE);
        return PaymentMapper.billingKey(success("issueBillingKey", response, CUSTOMER));
    }

    @Override
    @Retryable(includes = IamportUnavailableException.class, attempts = "${iamport.read-retries:2}",
            delay = "${iamport.read-retry-delay:200ms}", multiplier = "2.0", jitter = "0.25")
    public Optional<IamportBillingKey> findBillingKey(String customerUid) {
        RawResponse response = authorized("findBillingKey", Method.GET, "/subscribe/customers/" + segment(customerUid),
                null, CallKind.STANDARD);
        return lookup("findBillingKey", response, CUSTOMER).map(PaymentMapper::billingKey);
    }

    @Override
    public boolean deleteBillingKey(String customerUid, String reason) {
        RawResponse response = authorized("deleteBillingKey", Method.DELETE,
                "/subscribe/customers/" + segment(customerUid) + "?reason=" + segment(reason), null, CallKind.STANDARD);
        return lookup("deleteBillingKey", response, CUSTOMER).isPresent();
    }

    /** Sends with a token; on 401 drops the token and tries once more with a fresh one. */
    private RawResponse authorized(String operation, Method method, String pathAndQuery, @Nullable Object body, CallKind kind) {
        URI uri = configuration.resolve(pathAndQuery);
        String token = tokens.token();
        RawResponse response = http.exchange(operation, method, uri, body, token, kind);
        if (response.status() == 401) {
            tokens.invalidate(token);
            response = http.exchange(operation, method, uri, body, tokens.token(), kind);
            if (response.status() == 401) {
                throw new IamportAuthenticationException("i'mport answered 401 to " + operation + " with a fresh token");
            }
        }
        return response;
    }

    private ChargeOutcome charge(String operation, String path, Object body) {
        RawResponse response;
        try {
            response = authorized(operation, Method.POST, path, body, CallKind.CHARGE);
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

    private String sandboxQuery() {
        return "?include_sandbox=" + configuration.includeSandbox();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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
