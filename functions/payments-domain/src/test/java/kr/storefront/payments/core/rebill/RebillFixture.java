package kr.storefront.payments.core.rebill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.confirm.ConfirmServices;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.iamport.BillingKeyCharge;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.refund.RefundService;
import kr.storefront.payments.core.refund.RefundServices;
import kr.storefront.payments.core.store.ChargeLedger;
import kr.storefront.payments.core.testing.FakeIamportGateway;
import kr.storefront.payments.core.testing.IamportConfigurations;
import kr.storefront.payments.core.testing.InMemoryRebillQueue;
import kr.storefront.payments.core.testing.InMemoryStores;
import kr.storefront.payments.core.testing.MutableClock;
import kr.storefront.payments.core.testing.RecordingMetrics;
import kr.storefront.payments.core.testing.SlowCharges;

/**
 * The rebill services wired as the application wires them, over the in-memory stores and i'mport, with a hand-moved
 * clock; plus shorthands to seed subscriptions and read what became of them.
 */
final class RebillFixture {

    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    static final long AMOUNT = 8900;
    static final String PLAN_NAME = "Monthly plan";
    /** Charge read timeout (60 s) plus in-flight margin (60 s): younger IN_FLIGHT attempts may be live. */
    static final Duration IN_FLIGHT_GRACE = Duration.ofMinutes(2);
    static final Duration SETTLE_TIME = Duration.ofMinutes(10);
    static final Duration TIME_LIMIT = Duration.ofMinutes(15);

    final MutableClock clock = MutableClock.startingAt(START);
    final InMemoryStores stores = new InMemoryStores(clock);
    final FakeIamportGateway iamport = new FakeIamportGateway(clock);
    final RecordingMetrics metrics = new RecordingMetrics();
    final RebillConfiguration configuration;
    final OutcomeRecorder recorder;
    final SubscriptionCharger charger;
    final Reconciler reconciler;
    final OrderSweeper sweeper;
    final RebillService service;
    final RefundService refunds;
    final InMemoryRebillQueue queue = new InMemoryRebillQueue();
    final RebillWorker worker;
    /** Messages a worker handed back during the last run: the queue delivers them again in the next run. */
    private List<QueuedBatch> redelivered = List.of();

    RebillFixture() {
        this(configuration(8, 100, RebillConfiguration.AfterDunning.PAST_DUE));
    }

    RebillFixture(RebillConfiguration configuration) {
        this(configuration, Duration.ZERO);
    }

    /** @param eachCharge how much of the clock's time every charge takes */
    RebillFixture(RebillConfiguration configuration, Duration eachCharge) {
        this.configuration = configuration;
        IamportGateway gateway = eachCharge.isZero() ? iamport : SlowCharges.around(iamport, clock, eachCharge);
        IamportConfiguration iamportConfiguration = IamportConfigurations.defaults();
        recorder = new OutcomeRecorder(stores.ledger(), stores.chargeAttempts(), stores.subscriptions(), stores.orders(), gateway,
                configuration, clock);
        charger = new SubscriptionCharger(stores.subscriptions(), stores.billingKeys(), stores.ledger(), gateway, recorder, clock);
        reconciler = new Reconciler(gateway, recorder, configuration, iamportConfiguration, clock);
        sweeper = new OrderSweeper(ConfirmServices.over(gateway, stores.orders(), stores.billingKeys(), iamportConfiguration, clock),
                recorder);
        refunds = RefundServices.over(stores.orders(), gateway, stores.idempotency(), metrics, clock);
        service = new RebillService(stores.subscriptions(), stores.chargeAttempts(), queue, reconciler, stores.orders(), sweeper,
                refunds, configuration, metrics, clock);
        worker = new RebillWorker(stores.subscriptions(), stores.billingKeys(), charger, configuration, metrics, clock);
    }

    /** The documented defaults ({@code 1d,3d,7d}, 2 min before the deadline, 60 s margin, 10 min settle, 30 min / 7 d sweep). */
    static RebillConfiguration configuration(int concurrency, int pageSize, RebillConfiguration.AfterDunning afterDunning) {
        return new RebillConfiguration(concurrency, pageSize, 50, List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7)),
                afterDunning, Duration.ofMinutes(2), TIME_LIMIT, Duration.ofSeconds(60), SETTLE_TIME, Duration.ofMinutes(30),
                Duration.ofDays(7));
    }

    /** A monthly subscription {@code id} of member-{@code id} on the active key cuid_{@code id} (ours and i'mport's). */
    Subscription subscribe(String id, Instant firstChargeAt) {
        String customerId = "member-" + id;
        String customerUid = "cuid_" + id;
        iamport.seedBillingKey(customerUid);
        stores.billingKeys().seed(BillingKey.pending(customerId, customerUid, Pg.TOSSPAYMENTS, START)
                .transitionTo(BillingKeyStatus.ACTIVE, null, START));
        return stores.subscriptions().seed(Subscription.start(id, customerId, customerUid, "plan-monthly", PLAN_NAME, AMOUNT,
                BillingInterval.months(1), firstChargeAt, clock.instant()));
    }

    /** What a run writes before calling i'mport for {@code due}'s next attempt, as a crashed run would leave it. */
    ChargeLedger.Begun begin(Subscription due) {
        Instant now = clock.instant();
        String merchantUid = MerchantUids.of(due.id(), due.period(), due.nextAttempt());
        return stores.ledger().begin(ChargeAttempt.inFlight(due, due.nextAttempt(), merchantUid, now),
                Order.pending(merchantUid, OrderKind.SUBSCRIPTION_CHARGE, due.customerId(), due.name(), due.amount(), Pg.TOSSPAYMENTS,
                        "card", List.of(), due.customerUid(), due.id(), now),
                due.attemptStarted(now)).orElseThrow();
    }

    /**
     * One planner run with {@code timeLeft} before its deadline, then the workers: one invocation per 10 queued
     * messages, each with {@code timeLeft} too, until the queue is empty. What a worker hands back is delivered again
     * in the next run (its visibility timeout outlasts this one). The report is the planner's and the workers' in one.
     */
    RebillReport run(Duration timeLeft) {
        queue.redeliver(redelivered);
        RebillReport report = service.run(new RebillCommand(clock.instant(), clock.instant().plus(timeLeft)));
        List<QueuedBatch> handedBack = new ArrayList<>();
        for (List<QueuedBatch> messages = queue.take(10); !messages.isEmpty(); messages = queue.take(10)) {
            RebillWorker.Result result = worker.charge(messages, clock.instant().plus(timeLeft));
            report = report.plus(result.report());
            messages.stream().filter(message -> result.retryMessages().contains(message.messageId())).forEach(handedBack::add);
        }
        redelivered = handedBack;
        return report;
    }

    RebillReport run() {
        return run(TIME_LIMIT);
    }

    Subscription subscription(String id) {
        return stores.subscriptions().find("member-" + id, id).orElseThrow();
    }

    List<ChargeAttempt> attempts(String id, int period) {
        return stores.chargeAttempts().listForPeriod("member-" + id, id, period);
    }

    ChargeAttempt onlyAttempt(String id, int period) {
        List<ChargeAttempt> attempts = attempts(id, period);
        if (attempts.size() != 1) {
            throw new AssertionError(id + " period " + period + " has attempts " + attempts);
        }
        return attempts.get(0);
    }

    Order order(String merchantUid) {
        return stores.orders().find(merchantUid).orElseThrow();
    }

    /** The merchant_uid of every {@code again} call made, in order. */
    List<String> charged() {
        return iamport.requests(BillingKeyCharge.class).stream().map(BillingKeyCharge::merchantUid).toList();
    }

    /** Payments i'mport holds as paid for one subscription period, over all its attempts. */
    long paidAtIamport(String id, int period) {
        String prefix = id + "_p" + period + "_a";
        return iamport.payments().stream()
                .filter(payment -> payment.merchantUid().startsWith(prefix) && payment.status() == PaymentStatus.PAID).count();
    }

    /** A payment someone else made at i'mport under {@code merchantUid}, paid with {@code amount}. */
    IamportPayment paidElsewhere(String merchantUid, long amount) {
        return iamport.seedPayment(iamport.newPayment(merchantUid, amount).build());
    }
}
