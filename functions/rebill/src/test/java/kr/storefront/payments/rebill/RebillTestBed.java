package kr.storefront.payments.rebill;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.storefront.payments.core.catalog.CatalogService;
import kr.storefront.payments.core.checkout.Buyer;
import kr.storefront.payments.core.checkout.CheckoutParams;
import kr.storefront.payments.core.checkout.Device;
import kr.storefront.payments.core.checkout.LineRequest;
import kr.storefront.payments.core.checkout.OrderCheckout;
import kr.storefront.payments.core.checkout.OrderRequest;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.iamport.BillingKeyIssue;
import kr.storefront.payments.core.iamport.CardDetails;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.SubscriptionStore;
import kr.storefront.payments.core.testing.MutableClock;
import kr.storefront.payments.iamport.client.testing.SandboxContext;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.SqsEventSourceMapping;
import kr.storefront.payments.testkit.iamport.Channel;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.IamportSandbox;
import kr.storefront.payments.testkit.iamport.Payment;
import kr.storefront.payments.testkit.iamport.RecordedRequest;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The rebill function wired as in production against a fresh emulator table and an i'mport sandbox,
 * with a hand-moved clock, plus shorthands to seed subscriptions and inspect what was charged.
 */
final class RebillTestBed implements AutoCloseable {

    static final long AMOUNT = 8900;
    static final String PLAN_NAME = "Monthly plan";
    static final long ORDER_PRICE = 36_000;
    /** Short, so a message handed back is delivered again within the test. */
    static final int VISIBILITY_TIMEOUT_SECONDS = 2;
    static final int MAX_RECEIVE_COUNT = 3;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);
    private static final CardDetails TEST_CARD = new CardDetails("5361-8100-0000-4021", "2030-12", "900101", "12");

    final IamportSandbox sandbox;
    final ApplicationContext context;
    final MutableClock clock;
    final RebillHandler handler;
    final AwsEmulator.Queue queue;
    final SqsEventSourceMapping eventSource;
    private final AwsEmulator emulator;
    final SubscriptionStore subscriptions;
    final BillingKeyStore billingKeys;
    final ChargeAttemptStore attempts;
    final OrderStore orders;
    final IamportGateway gateway;
    private final boolean ownsSandbox;

    private RebillTestBed(AwsEmulator emulator, IamportSandbox sandbox, ApplicationContext context, AwsEmulator.Queue queue,
                          boolean ownsSandbox) {
        this.emulator = emulator;
        this.queue = queue;
        this.eventSource = new SqsEventSourceMapping(emulator.sqs(), queue.url(), 10);
        this.sandbox = sandbox;
        this.ownsSandbox = ownsSandbox;
        this.context = context;
        this.clock = context.getBean(MutableClock.class);
        this.handler = new RebillHandler(context);
        this.subscriptions = context.getBean(SubscriptionStore.class);
        this.billingKeys = context.getBean(BillingKeyStore.class);
        this.attempts = context.getBean(ChargeAttemptStore.class);
        this.orders = context.getBean(OrderStore.class);
        this.gateway = context.getBean(IamportGateway.class);
    }

    static RebillTestBed start(AwsEmulator emulator) {
        return start(emulator, Map.of());
    }

    static RebillTestBed start(AwsEmulator emulator, Map<String, Object> overrides) {
        IamportSandbox sandbox = IamportSandbox.start();
        AwsEmulator.Queue queue = emulator.createQueue("rebill", VISIBILITY_TIMEOUT_SECONDS, MAX_RECEIVE_COUNT);
        return new RebillTestBed(emulator, sandbox, context(emulator, sandbox, emulator.createTable("rebill"), queue, overrides), queue,
                true);
    }

    /** A second function instance (another Lambda container) on the same table and sandbox. */
    RebillTestBed twin(AwsEmulator emulator) {
        String table = context.getProperty("store.table-name", String.class).orElseThrow();
        ApplicationContext second = context(emulator, sandbox, table, queue, Map.of());
        second.getBean(MutableClock.class).set(clock.instant());
        return new RebillTestBed(emulator, sandbox, second, queue, false);
    }

    private static ApplicationContext context(AwsEmulator emulator, IamportSandbox sandbox, String table, AwsEmulator.Queue queue,
                                              Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(emulator.micronautProperties());
        properties.put("store.table-name", table);
        properties.put("rebill.queue.url", queue.url());
        properties.put("payments.enabled-pgs", "tosspayments,kakaopay");
        properties.putAll(overrides);
        return SandboxContext.start(sandbox, properties);
    }

    /** A monthly subscription with an active billing key (at i'mport and in our store), first due at {@code firstChargeAt}. */
    Subscription subscribe(String id, Instant firstChargeAt) {
        String customerId = "member-" + id;
        String customerUid = "cuid_" + id;
        gateway.issueBillingKey(new BillingKeyIssue(customerUid, Channel.TOSS_API_KEY, customerId, TEST_CARD));
        BillingKey pending = BillingKey.pending(customerId, customerUid, Pg.TOSSPAYMENTS, clock.instant());
        billingKeys.insert(pending.transitionTo(BillingKeyStatus.ACTIVE, null, clock.instant()));
        return subscriptions.insert(Subscription.start(id, customerId, customerUid, "plan-monthly", PLAN_NAME, AMOUNT,
                BillingInterval.months(1), firstChargeAt, clock.instant())).current().orElseThrow();
    }

    /**
     * A storefront order (one item at {@link #ORDER_PRICE}) as the checkout function opens it, with its window
     * parameters. Nothing sends its webhook: the sandbox has no console webhook URL and the parameters no notice_url.
     */
    CheckoutParams openOrder() {
        context.getBean(CatalogService.class).upsertProduct("BEANS-1KG", "Coffee beans 1kg", ORDER_PRICE, true);
        return context.getBean(OrderCheckout.class).start(new OrderRequest(null, null, List.of(new LineRequest("BEANS-1KG", 1)),
                null, "tosspayments", "card", new Buyer("홍길동", "010-1234-5678", "buyer@example.com", null, null), Device.PC,
                null, false, URI.create("https://pay.example.com")));
    }

    /** The buyer pays in the window (the browser's redirect is never followed). */
    WindowResult pay(CheckoutParams order) {
        return sandbox.completeWindow(WindowRequest.builder(order.params()).outcome(WindowOutcome.pay()).build());
    }

    /** The browser altered the amount and the payment slipped past the prepared-amount check. */
    WindowResult payTampered(CheckoutParams order, long paidAmount) {
        return sandbox.completeWindow(WindowRequest.builder(order.params()).tamperedAmount(paidAmount).bypassPrepareCheck(true)
                .outcome(WindowOutcome.pay()).build());
    }

    /** One planner invocation as the Lambda runtime makes it, with the given time left before the Lambda timeout. */
    RebillReport plan(Duration timeLeft) {
        return handler.handleRequest(new RebillTrigger(clock.instant().toString(), "exec-1", "1"), new StubLambdaContext(timeLeft));
    }

    /**
     * A whole scheduled run: the planner invocation, then worker invocations (one at a time, each with {@code timeLeft})
     * until the queue is empty, messages handed back included. The report is the planner's and the workers' in one.
     */
    RebillReport run(Duration timeLeft) {
        RebillReport planned = plan(timeLeft);
        List<RebillReport> charged = drain(1, timeLeft);
        return charged.stream().reduce(planned, RebillReport::plus);
    }

    /**
     * Worker invocations by {@code workers} concurrent instances (each its own handler, as Lambda's are), each with
     * {@code timeLeft}, until the queue holds nothing visible or in flight.
     *
     * @return each invocation's report
     */
    List<RebillReport> drain(int workers, Duration timeLeft) {
        List<RebillReport> reports = new CopyOnWriteArrayList<>();
        eventSource.drain(workers, () -> {
            RebillWorkerHandler worker = new RebillWorkerHandler(context);
            return batch -> {
                SqsBatchResponse response = worker.handleRequest(asEvent(batch), new StubLambdaContext(timeLeft));
                reports.add(worker.lastReport());
                return response.batchItemFailures().stream().map(SqsBatchResponse.ItemFailure::itemIdentifier).toList();
            };
        }, DRAIN_TIMEOUT);
        return reports;
    }

    /** The event Lambda's event source mapping makes of received messages. */
    static SqsEvent asEvent(List<Message> batch) {
        return new SqsEvent(batch.stream().map(message -> new SqsEvent.Message(message.messageId(), message.body())).toList());
    }

    /** Messages the rebill queue moved to its dead-letter queue. */
    List<Message> deadLetters() {
        return SqsEventSourceMapping.peek(emulator.sqs(), queue.deadLetterUrl());
    }

    /** One invocation with the full 15 minutes. */
    RebillReport run() {
        return run(Duration.ofMinutes(15));
    }

    Subscription subscription(String id) {
        return subscriptions.find("member-" + id, id).orElseThrow();
    }

    List<ChargeAttempt> attempts(String id, int period) {
        return attempts.listForPeriod("member-" + id, id, period);
    }

    Order order(String merchantUid) {
        return orders.find(merchantUid).orElseThrow();
    }

    /** Calls of {@code POST /subscribe/payments/again} that reached the sandbox. */
    List<RecordedRequest> againCalls() {
        return sandbox.requests().stream().filter(request -> request.endpoint() == Endpoint.AGAIN).toList();
    }

    /** Payments i'mport holds as paid for one subscription period, over every attempt we sent. */
    long paidCharges(String id, int period) {
        String prefix = id + "_p" + period + "_a";
        return againCalls().stream().map(request -> (String) request.params().get("merchant_uid"))
                .filter(merchantUid -> merchantUid.startsWith(prefix)).distinct()
                .flatMap(merchantUid -> sandbox.paymentsByMerchantUid(merchantUid).stream())
                .filter(Payment::isPaid).count();
    }

    @Override
    public void close() {
        context.close();
        if (ownsSandbox) {
            sandbox.close();
        }
    }

    /** What the Lambda runtime passes: only the remaining time matters to the handler. */
    record StubLambdaContext(Duration timeLeft) implements Context {
        @Override public String getAwsRequestId() { return "test-request"; }
        @Override public String getLogGroupName() { return "/aws/lambda/RebillFunction"; }
        @Override public String getLogStreamName() { return "test"; }
        @Override public String getFunctionName() { return "RebillFunction"; }
        @Override public String getFunctionVersion() { return "1"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:ap-northeast-2:000000000000:function:RebillFunction"; }
        @Override public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() { return null; }
        @Override public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return (int) timeLeft.toMillis(); }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() { return null; }
    }
}
