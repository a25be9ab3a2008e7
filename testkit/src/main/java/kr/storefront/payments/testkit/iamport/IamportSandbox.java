package kr.storefront.payments.testkit.iamport;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An in-process fake of the i'mport (PortOne V1) REST API for integration tests: the real HTTP shapes
 * on a loopback port, plus what only the browser and the PG would do (checkout windows, deposits, late
 * approvals, console cancels), webhooks to our endpoints, and fault injection.
 *
 * <pre>{@code
 * try (IamportSandbox iamport = IamportSandbox.start()) {
 *     // point the client under test at iamport.baseUrl() with iamport.credentials()
 *     WindowResult result = iamport.completeWindow(WindowRequest.builder(Map.of(
 *             "channelKey", "channel-key-tosspayments", "pay_method", "card", "merchant_uid", "ord_1", "amount", 8900)).build());
 *     iamport.faults().timeoutAfterApply(Endpoint.AGAIN, 1, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * Thread-safe: tests may call the API and these methods concurrently.
 */
public final class IamportSandbox implements AutoCloseable {

    private final SandboxClock clock;
    private final TokenService tokens;
    private final PaymentLedger ledger = new PaymentLedger();
    private final PreparedAmounts prepared = new PreparedAmounts();
    private final BillingKeyRegistry keys = new BillingKeyRegistry();
    private final CardBehaviours behaviours = new CardBehaviours();
    private final RequestJournal journal = new RequestJournal();
    private final DeliveryLog deliveries = new DeliveryLog();
    private final WebhookDispatcher webhooks;
    private final Refunds refunds;
    private final CheckoutWindow window;
    private final WindowSessions windowSessions;
    private final Faults faults;
    private final ChannelRegistry channels;
    private final List<Channel> channelList;
    private final SandboxServer server;

    private IamportSandbox(SandboxOptions options) {
        var ids = new SandboxIds();
        var drafts = new PaymentDrafts(ids, options.clock());
        var endpointFaults = new EndpointFaultPlan();
        var webhookFaults = new WebhookFaultPlan();
        this.clock = options.clock();
        this.channels = new ChannelRegistry(options.channels());
        this.channelList = options.channels();
        this.tokens = new TokenService(options.credentials(), clock, ids);
        this.webhooks = new WebhookDispatcher(
                new WebhookSender(options.webhookConnectTimeout(), options.webhookReadTimeout(), clock),
                webhookFaults, deliveries, options.consoleWebhookUrl(), options.webhookFormat());
        this.refunds = new Refunds(ledger, ids, clock);
        this.window = new CheckoutWindow(ledger, prepared, keys, behaviours, drafts, webhooks, channels, ids, clock);
        this.windowSessions = new WindowSessions(ids, clock);
        this.faults = new Faults(endpointFaults, webhookFaults, webhooks);
        var browser = browserHandler();
        this.server = SandboxServer.start(Map.of(
                "/", new ApiExchangeHandler(apiHandlers(drafts), tokens, endpointFaults, journal, clock,
                        new RequestRules(V1SchemaDigest.load())),
                BrowserExchangeHandler.SCRIPT_PATH, browser,
                BrowserExchangeHandler.WINDOW_PREFIX, browser));
    }

    public static IamportSandbox start() {
        return start(SandboxOptions.defaults());
    }

    public static IamportSandbox start(SandboxOptions options) {
        return new IamportSandbox(Objects.requireNonNull(options, "options"));
    }

    private Map<Endpoint, EndpointHandler> apiHandlers(PaymentDrafts drafts) {
        var tokenApi = new TokenApi(tokens, clock);
        var paymentsApi = new PaymentsApi(ledger, prepared, refunds, webhooks);
        var subscriptionApi = new SubscriptionApi(ledger, keys, behaviours, drafts, webhooks, channels, clock);
        var billingKeyApi = new BillingKeyApi(keys, behaviours, channels, clock);
        var handlers = new EnumMap<Endpoint, EndpointHandler>(Endpoint.class);
        handlers.put(Endpoint.GET_TOKEN, tokenApi::getToken);
        handlers.put(Endpoint.GET_PAYMENT, paymentsApi::getPayment);
        handlers.put(Endpoint.FIND_PAYMENT, paymentsApi::findPayment);
        handlers.put(Endpoint.PREPARE, paymentsApi::prepare);
        handlers.put(Endpoint.GET_PREPARE, paymentsApi::getPrepared);
        handlers.put(Endpoint.CANCEL, paymentsApi::cancel);
        handlers.put(Endpoint.AGAIN, subscriptionApi::again);
        handlers.put(Endpoint.ONETIME, subscriptionApi::onetime);
        handlers.put(Endpoint.ISSUE_BILLING_KEY, billingKeyApi::issue);
        handlers.put(Endpoint.GET_BILLING_KEY, billingKeyApi::get);
        handlers.put(Endpoint.DELETE_BILLING_KEY, billingKeyApi::delete);
        return handlers;
    }

    /** The browser side: iamport.js, the window page and its sessions, run by the same {@link CheckoutWindow}. */
    private BrowserExchangeHandler browserHandler() {
        Supplier<String> impCode = () -> tokens.credentials().impCode();
        var api = new WindowSessionApi(windowSessions, channels, window::complete, impCode, this::baseUrl);
        return new BrowserExchangeHandler(windowSessions, api, new WindowPage(impCode, channels));
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /**
     * The sandbox's stand-in for {@code https://cdn.iamport.kr/v1/iamport.js}: load it in a storefront page
     * instead, then {@code IMP.init(credentials().impCode())} and {@code IMP.request_pay(params, callback)} open
     * the sandbox's window page (an overlay iframe on PC, a full-page redirect on mobile and for chai), where
     * the buyer's choice runs the same simulation as {@link #completeWindow}. Served with CORS, so the page
     * may come from any origin. Sandbox only: {@code window.IMP_SANDBOX_DEVICE = 'pc' | 'mobile'} forces the device
     * the script otherwise guesses from the user agent. The window page's controls have the ids {@code window-pay},
     * {@code window-fail}, {@code window-cancel}, {@code window-vbank} (vbank only), {@code window-tamper} and
     * {@code window-tamper-amount}; the PC overlay is {@code #imp-sandbox-window} (close: {@code #imp-sandbox-close}).
     */
    public URI scriptUrl() {
        return URI.create(baseUrl() + BrowserExchangeHandler.SCRIPT_PATH);
    }

    public MerchantCredentials credentials() {
        return tokens.credentials();
    }

    /** The account's channels ({@link SandboxOptions#channels()}). */
    public List<Channel> channels() {
        return channelList;
    }

    /** Replaces the REST key pair: the old pair then gets 401; tokens already issued stay valid until they expire. */
    public void rotateCredentials(String impKey, String impSecret) {
        tokens.rotate(Objects.requireNonNull(impKey, "impKey"), Objects.requireNonNull(impSecret, "impSecret"));
    }

    public SandboxClock clock() {
        return clock;
    }

    /** Invalidates every issued token: the next API call with one gets 401. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /**
     * Forgets payments, prepared amounts, billing keys, card behaviours, the key-only window payment shape,
     * browser windows, faults (held webhooks
     * are discarded), the request journal and the webhook log. The server, the credentials, issued tokens and the
     * account's webhook settings (console URL, format) stay.
     */
    public void reset() {
        ledger.clear();
        windowSessions.clear();
        prepared.clear();
        keys.clear();
        behaviours.clear();
        faults.clear();
        journal.clear();
        deliveries.clear();
        window.setKeyOnlyWindowPayment(KeyOnlyWindowPayment.PAID_ZERO);
    }

    /**
     * Time the sandbox spent answering API requests so far, summed (injected latency included): what
     * i'mport's own latency is in a measurement, so benchmarks can tell it apart from the caller's.
     */
    public Duration serverTime() {
        return server.busyTime();
    }

    @Override
    public void close() {
        server.close();
        webhooks.close();
    }

    // --- checkout window ---

    /** Runs {@code IMP.request_pay} and the PG window to the given outcome. */
    public WindowResult completeWindow(WindowRequest request) {
        return window.complete(Objects.requireNonNull(request, "request"));
    }

    // --- later events; each fires the webhook i'mport would fire ---

    /** The buyer pays into the issued virtual account: ready → paid, webhook "paid". */
    public Payment depositVbank(String impUid) {
        Payment paid = ledger.update(impUid, payment -> {
            requireState(payment.status() == Payment.Status.READY && payment.vbank() != null, payment, "an issued virtual account");
            return payment.paid(clock.epochSecond());
        });
        webhooks.statusChanged(paid);
        return paid;
    }

    /** A failed payment is approved after all (PayPal pending, Paymentwall): failed → paid, webhook "paid". */
    public Payment approveLate(String impUid) {
        Payment paid = ledger.update(impUid, payment -> {
            requireState(payment.status() == Payment.Status.FAILED, payment, "a failed payment");
            return payment.paid(clock.epochSecond());
        });
        webhooks.statusChanged(paid);
        return paid;
    }

    /** The merchant refunds the whole balance in the admin console: → cancelled, webhook "cancelled". */
    public Payment cancelFromConsole(String impUid) {
        return cancelFromConsole(impUid, null);
    }

    /**
     * The merchant refunds {@code amount} won (null: the whole balance) in the admin console, which asks for a
     * virtual account's refund account itself: a {@code cancel_history} entry, webhook "cancelled".
     */
    public Payment cancelFromConsole(String impUid, Long amount) {
        if (ledger.find(impUid).isEmpty()) {
            throw new NoSuchElementException("no payment " + impUid);
        }
        Payment cancelled;
        try {
            cancelled = refunds.cancel(impUid, new Refunds.Request(amount, null, "관리자 콘솔에서 취소",
                    Refunds.RefundAccount.CONSOLE));
        } catch (CancellationRefusedException e) {
            throw new IllegalStateException(impUid + ": " + e.getMessage(), e);
        }
        webhooks.cancelled(cancelled, cancelled.latestCancellation().cancellationId());
        return cancelled;
    }

    // --- inspection ---

    public Optional<Payment> payment(String impUid) {
        return ledger.find(impUid);
    }

    /** Every attempt for the order, oldest first. */
    public List<Payment> paymentsByMerchantUid(String merchantUid) {
        return ledger.byMerchantUid(merchantUid);
    }

    public Optional<BillingKey> billingKey(String customerUid) {
        return keys.find(customerUid);
    }

    public Optional<Long> preparedAmount(String merchantUid) {
        return prepared.find(merchantUid).map(PreparedPayment::amount);
    }

    /** API calls in the order their responses were decided; card data and secrets redacted. */
    public List<RecordedRequest> requests() {
        return journal.all();
    }

    /** How many calls reached {@code endpoint}, whatever they were answered. */
    public long count(Endpoint endpoint) {
        return journal.count(endpoint);
    }

    // --- card behaviour ---

    /** How charges of this billing key are answered (again, kakaopay's first charge in the window). */
    public void setCardBehaviour(String customerUid, CardBehaviour behaviour) {
        behaviours.setForCustomer(Objects.requireNonNull(customerUid, "customerUid"), Objects.requireNonNull(behaviour, "behaviour"));
    }

    /** How calls carrying this card number are answered (onetime, API-mode issuance). */
    public void setCardNumberBehaviour(String cardNumber, CardBehaviour behaviour) {
        behaviours.setForCardNumber(Objects.requireNonNull(cardNumber, "cardNumber"), Objects.requireNonNull(behaviour, "behaviour"));
    }

    // --- billing-key windows ---

    /** How the payment of a billing-key window that charges nothing is recorded (default {@link KeyOnlyWindowPayment#PAID_ZERO}). */
    public void setKeyOnlyWindowPayment(KeyOnlyWindowPayment shape) {
        window.setKeyOnlyWindowPayment(Objects.requireNonNull(shape, "shape"));
    }

    // --- webhooks ---

    /** Where webhooks go for payments without a notice_url; null for nowhere. */
    public void setConsoleWebhookUrl(URI url) {
        webhooks.setConsoleUrl(url);
    }

    public void setWebhookFormat(WebhookFormat format) {
        webhooks.setFormat(format);
    }

    /** Sends any webhook body now, bypassing faults, e.g. a forged one; it is logged like the others. */
    public WebhookDelivery sendWebhook(URI url, WebhookFormat format, Map<String, String> fields) {
        return webhooks.sendNow(new PendingWebhook(Objects.requireNonNull(url, "url"), Objects.requireNonNull(format, "format"), fields));
    }

    /** Completed deliveries (acknowledged or failed), in completion order. */
    public List<WebhookDelivery> webhookDeliveries() {
        return deliveries.all();
    }

    /** Waits until at least {@code count} deliveries have completed; false on timeout. */
    public boolean awaitWebhooks(int count, Duration timeout) {
        try {
            return deliveries.await(count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Faults faults() {
        return faults;
    }

    private static void requireState(boolean expected, Payment payment, String what) {
        if (!expected) {
            throw new IllegalStateException(payment.impUid() + " is not " + what + " (status " + payment.status().wire() + ")");
        }
    }
}
