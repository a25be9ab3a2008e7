package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import kr.storefront.payments.core.domain.CardSummary;
import kr.storefront.payments.core.iamport.BillingKeyCharge;
import kr.storefront.payments.core.iamport.BillingKeyIssue;
import kr.storefront.payments.core.iamport.CancelOutcome;
import kr.storefront.payments.core.iamport.CardDetails;
import kr.storefront.payments.core.iamport.ChargeOutcome;
import kr.storefront.payments.core.iamport.IamportBillingKey;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.IamportRejectedException;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.iamport.OneTimeCardCharge;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.iamport.PaymentStatus;

/**
 * i'mport in memory: payments, prepared amounts and billing keys, with the outcomes the HTTP gateway reports for
 * them (see {@code HttpIamportGateway} and the sandbox's {@code SubscriptionApi}, {@code Refunds}, {@code PaymentsApi}).
 *
 * <ul>
 *   <li><b>Seed</b>: {@link #seedPayment}, {@link IamportPaymentBuilder}, {@link #newPayment}, {@link #seedBillingKey},
 *       {@link #seedPrepared}.</li>
 *   <li><b>Script</b>: {@link #next(Operation, Answer...)} queues answers for the next calls of one operation;
 *       {@link #always(Operation, Answer)} answers every call; {@link #forBillingKey(String, Answer)} answers every
 *       charge of one key (order-independent, for concurrent charging). Queued answers win over standing ones. An
 *       answer is what the real gateway reports <i>after</i> its own read retries.</li>
 *   <li><b>Inspect</b>: {@link #calls()}, {@link #calls(Operation)}, {@link #requests(Class)}, {@link #payment},
 *       {@link #payments()}, {@link #preparedAmount}, {@link #billingKey}.</li>
 * </ul>
 *
 * <p>Unscripted, it behaves as i'mport: a charge of a known key is paid (a new payment, imp_uids
 * {@code imp_100000000001, ...}), of an unknown key refused with code -1, of a merchant_uid already paid refused with
 * code 1; a cancel checks the checksum against the refundable balance; {@code prepare} refuses a merchant_uid twice;
 * {@link #findPayment} hides test-channel payments unless {@link #includeSandbox(boolean)}, as
 * {@code include_sandbox=false} does, while find-by-merchant_uid shows them. No webhooks are sent.
 */
public final class FakeIamportGateway implements IamportGateway {

    static final String UNKNOWN_CUSTOMER = "등록되지 않은 구매자입니다.";
    static final String ALREADY_PAID = "이미 결제가 이루어진 거래건입니다.";
    static final String ALREADY_PREPARED = "이미 사전등록된 결제정보가 있습니다.";
    static final String NOTHING_TO_CANCEL = "취소할 결제건이 존재하지 않습니다.";

    /** The gateway's operations, each named as in {@link IamportRejectedException} messages. */
    public enum Operation {
        FIND_PAYMENT("findPayment"),
        FIND_PAYMENT_BY_MERCHANT_UID("findPaymentByMerchantUid"),
        PREPARE("prepare"),
        FIND_PREPARED_AMOUNT("findPreparedAmount"),
        CANCEL("cancel"),
        CHARGE_BILLING_KEY("again"),
        CHARGE_CARD_ONCE("onetime"),
        ISSUE_BILLING_KEY("issueBillingKey"),
        FIND_BILLING_KEY("findBillingKey"),
        DELETE_BILLING_KEY("deleteBillingKey");

        private final String wireName;

        Operation(String wireName) {
            this.wireName = wireName;
        }

        boolean charges() {
            return this == CHARGE_BILLING_KEY || this == CHARGE_CARD_ONCE;
        }
    }

    /** One call as made, with its arguments in order (a request record, or the ids and values passed). */
    public record Call(Operation operation, List<Object> arguments) {

        /** The first argument of {@code type}. */
        public <T> T argument(Class<T> type) {
            return arguments.stream().filter(type::isInstance).map(type::cast).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(operation + " took no " + type.getSimpleName()));
        }
    }

    /** How the fake answers one call. */
    public sealed interface Answer {

        /** What i'mport does with the request (the unscripted behaviour). */
        static Answer simulate() {
            return new Simulate();
        }

        /** Charges only: the card company declines; a {@code failed} payment is recorded ({@code code 0}, status failed). */
        static Answer decline(String failReason) {
            return new Decline(failReason);
        }

        /**
         * i'mport refuses the request ({@code code != 0}): a charge is {@link ChargeOutcome.Declined} with that code and no
         * payment, a cancel {@link CancelOutcome.Rejected}, anything else throws {@link IamportRejectedException}.
         */
        static Answer refuse(int code, String message) {
            return new Refuse(code, message);
        }

        /**
         * The request reached i'mport and was applied, but the answer was lost (read timeout, 5xx): the payment, refund,
         * registration or key exists afterwards, while the call reports {@link ChargeOutcome.Unknown},
         * {@link CancelOutcome.Unknown} or throws {@link IamportUnavailableException} with {@code requestSent}.
         */
        static Answer lostAfterApplying() {
            return new Lost(true, "read timed out: the request may have been applied");
        }

        /** As {@link #lostAfterApplying()}, but i'mport had not applied it: nothing changed. */
        static Answer lostBeforeApplying() {
            return new Lost(false, "read timed out: the request may have been applied");
        }

        /** The request never left (connection refused): {@code NotAttempted}, or {@link IamportUnavailableException} not sent. */
        static Answer unreachable() {
            return new Unreachable("connection refused: the request was not sent");
        }

        /** The call throws {@code exception} (e.g. {@code IamportAuthenticationException}, {@code IamportProtocolException}). */
        static Answer throwing(RuntimeException exception) {
            return new Throw(exception);
        }

        record Simulate() implements Answer { }

        record Decline(String failReason) implements Answer { }

        record Refuse(int code, String message) implements Answer { }

        record Lost(boolean applied, String reason) implements Answer { }

        record Unreachable(String reason) implements Answer { }

        record Throw(RuntimeException exception) implements Answer { }
    }

    /** How a call that returns an outcome value reports the non-simulated answers; null for calls that throw instead. */
    private record Outcomes<T>(Function<String, T> notAttempted, Function<String, T> unknown, Function<Answer.Refuse, T> refused) { }

    private static final Outcomes<ChargeOutcome> CHARGE_OUTCOMES = new Outcomes<>(ChargeOutcome.NotAttempted::new,
            ChargeOutcome.Unknown::new, refuse -> new ChargeOutcome.Declined(refuse.message(), refuse.code(), null));
    private static final Outcomes<CancelOutcome> CANCEL_OUTCOMES = new Outcomes<>(CancelOutcome.NotAttempted::new,
            CancelOutcome.Unknown::new, refuse -> new CancelOutcome.Rejected(refuse.message(), refuse.code()));

    private final Clock clock;
    private final Map<String, IamportPayment> payments = new LinkedHashMap<>();
    private final Map<String, Long> prepared = new HashMap<>();
    private final Map<String, IamportBillingKey> billingKeys = new HashMap<>();
    private final Map<Operation, Deque<Answer>> queued = new EnumMap<>(Operation.class);
    private final Map<Operation, Answer> standing = new EnumMap<>(Operation.class);
    private final Map<String, Answer> byBillingKey = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private long lastImpUid = 100_000_000_000L;
    private boolean includeSandbox;

    /** @param clock the time of payments, refunds and keys it creates (a {@link MutableClock} in most tests) */
    public FakeIamportGateway(Clock clock) {
        this.clock = clock;
    }

    // ---- seeding

    /** Stores {@code payment} as i'mport's, replacing any with its imp_uid; it counts as the latest of its merchant_uid. */
    public synchronized IamportPayment seedPayment(IamportPayment payment) {
        payments.remove(payment.impUid());
        payments.put(payment.impUid(), payment);
        return payment;
    }

    /** A paid card payment for {@code merchantUid} with the next imp_uid, to adjust and {@link #seedPayment seed}. */
    public synchronized IamportPaymentBuilder newPayment(String merchantUid, long amount) {
        return IamportPaymentBuilder.paid(nextImpUid(), merchantUid, amount).paidAt(now());
    }

    /** A billing key on tosspayments with {@link IamportPaymentBuilder#DEFAULT_CARD}, issued now. */
    public IamportBillingKey seedBillingKey(String customerUid) {
        return seedBillingKey(new IamportBillingKey(customerUid, "tosspayments", null, IamportPaymentBuilder.DEFAULT_CARD, false,
                now()));
    }

    public synchronized IamportBillingKey seedBillingKey(IamportBillingKey key) {
        billingKeys.put(key.customerUid(), key);
        return key;
    }

    /** As if {@code prepare(merchantUid, amount)} had been called. */
    public synchronized void seedPrepared(String merchantUid, long amount) {
        prepared.put(merchantUid, amount);
    }

    // ---- scripting

    /** The next calls of {@code operation} get these answers, in order; then the standing answer or the simulation. */
    public synchronized FakeIamportGateway next(Operation operation, Answer... answers) {
        Arrays.stream(answers).forEach(answer -> requireApplicable(operation, answer));
        queued.computeIfAbsent(operation, ignored -> new ArrayDeque<>()).addAll(Arrays.asList(answers));
        return this;
    }

    /** Every call of {@code operation} with no queued answer gets {@code answer} (until {@link #resetAnswers()}). */
    public synchronized FakeIamportGateway always(Operation operation, Answer answer) {
        requireApplicable(operation, answer);
        standing.put(operation, answer);
        return this;
    }

    /** Every charge of billing key {@code customerUid} with no queued answer gets {@code answer}, e.g. a decline. */
    public synchronized FakeIamportGateway forBillingKey(String customerUid, Answer answer) {
        requireApplicable(Operation.CHARGE_BILLING_KEY, answer);
        byBillingKey.put(customerUid, answer);
        return this;
    }

    /** Forgets every scripted answer: the fake simulates again. */
    public synchronized FakeIamportGateway resetAnswers() {
        queued.clear();
        standing.clear();
        byBillingKey.clear();
        return this;
    }

    /** Whether {@link #findPayment} shows test-channel payments, as {@code iamport.include-sandbox} makes the real one ask. */
    public synchronized FakeIamportGateway includeSandbox(boolean value) {
        includeSandbox = value;
        return this;
    }

    // ---- inspection

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(Operation operation) {
        return calls.stream().filter(call -> call.operation() == operation).toList();
    }

    /** Every argument of {@code type} passed so far, e.g. {@code requests(BillingKeyCharge.class)}, oldest first. */
    public synchronized <T> List<T> requests(Class<T> type) {
        return calls.stream().flatMap(call -> call.arguments().stream()).filter(type::isInstance).map(type::cast).toList();
    }

    public synchronized void clearCalls() {
        calls.clear();
    }

    /** The payment as i'mport holds it now (sandbox or not); records no call. */
    public synchronized Optional<IamportPayment> payment(String impUid) {
        return Optional.ofNullable(payments.get(impUid));
    }

    /** Every payment, oldest first; records no call. */
    public synchronized List<IamportPayment> payments() {
        return List.copyOf(payments.values());
    }

    public synchronized Optional<Long> preparedAmount(String merchantUid) {
        return Optional.ofNullable(prepared.get(merchantUid));
    }

    public synchronized Optional<IamportBillingKey> billingKey(String customerUid) {
        return Optional.ofNullable(billingKeys.get(customerUid));
    }

    // ---- IamportGateway

    @Override
    public synchronized Optional<IamportPayment> findPayment(String impUid) {
        return answer(Operation.FIND_PAYMENT, List.of(impUid), null, () ->
                Optional.ofNullable(payments.get(impUid)).filter(payment -> includeSandbox || !payment.sandbox()));
    }

    @Override
    public synchronized Optional<IamportPayment> findPaymentByMerchantUid(String merchantUid, @Nullable PaymentStatus status) {
        return answer(Operation.FIND_PAYMENT_BY_MERCHANT_UID, arguments(merchantUid, status), null,
                () -> latestOf(merchantUid, status));
    }

    @Override
    public synchronized void prepare(String merchantUid, long amount) {
        answer(Operation.PREPARE, List.of(merchantUid, amount), null, () -> {
            if (prepared.putIfAbsent(merchantUid, amount) != null) {
                throw new IamportRejectedException(Operation.PREPARE.wireName, 200, 1, ALREADY_PREPARED);
            }
            return amount;
        });
    }

    @Override
    public synchronized Optional<Long> findPreparedAmount(String merchantUid) {
        return answer(Operation.FIND_PREPARED_AMOUNT, List.of(merchantUid), null,
                () -> Optional.ofNullable(prepared.get(merchantUid)));
    }

    @Override
    public synchronized CancelOutcome cancel(PaymentCancel cancel) {
        return answer(Operation.CANCEL, List.of(cancel), CANCEL_OUTCOMES, () -> refund(cancel));
    }

    @Override
    public synchronized ChargeOutcome chargeBillingKey(BillingKeyCharge charge) {
        Answer forKey = byBillingKey.get(charge.customerUid());
        return answer(Operation.CHARGE_BILLING_KEY, List.of(charge), CHARGE_OUTCOMES, forKey, declineReason -> {
            IamportBillingKey key = billingKeys.get(charge.customerUid());
            if (key == null) {
                return new ChargeOutcome.Declined(UNKNOWN_CUSTOMER, -1, null);
            }
            return settleCharge(IamportPaymentBuilder.paid(nextImpUid(), charge.merchantUid(), charge.amount())
                    .name(charge.name()).pgProvider(key.pgProvider()).channel("api").card(key.card()).sandbox(key.sandbox())
                    .customerUid(charge.customerUid(), "payment"), declineReason);
        });
    }

    @Override
    public synchronized ChargeOutcome chargeCardOnce(OneTimeCardCharge charge) {
        return answer(Operation.CHARGE_CARD_ONCE, List.of(charge), CHARGE_OUTCOMES, null, declineReason -> {
            String pgProvider = charge.pg().split("\\.", 2)[0];
            CardSummary card = cardOf(charge.card());
            ChargeOutcome outcome = settleCharge(IamportPaymentBuilder.paid(nextImpUid(), charge.merchantUid(), charge.amount())
                    .name(charge.name()).pgProvider(pgProvider).channel("api").card(card)
                    .customerUid(charge.customerUid(), charge.customerUid() == null ? null : "payment"), declineReason);
            if (outcome instanceof ChargeOutcome.Paid && charge.customerUid() != null) {
                // onetime with customer_uid also saves the card as that key (the Toss guide's "issue and first charge")
                billingKeys.put(charge.customerUid(), new IamportBillingKey(charge.customerUid(), pgProvider, null, card, false, now()));
            }
            return outcome;
        });
    }

    @Override
    public synchronized IamportBillingKey issueBillingKey(BillingKeyIssue issue) {
        // API mode is Toss's; issuing under an existing customer_uid replaces the card, as at PortOne
        return answer(Operation.ISSUE_BILLING_KEY, List.of(issue), null, () -> seedBillingKey(new IamportBillingKey(
                issue.customerUid(), "tosspayments", issue.customerId(), cardOf(issue.card()), false, now())));
    }

    @Override
    public synchronized Optional<IamportBillingKey> findBillingKey(String customerUid) {
        return answer(Operation.FIND_BILLING_KEY, List.of(customerUid), null,
                () -> Optional.ofNullable(billingKeys.get(customerUid)));
    }

    @Override
    public synchronized boolean deleteBillingKey(String customerUid, String reason) {
        return answer(Operation.DELETE_BILLING_KEY, List.of(customerUid, reason), null,
                () -> billingKeys.remove(customerUid) != null);
    }

    // ---- behaviour

    /** {@link #answer(Operation, List, Outcomes, Answer, Function)} for an operation nothing can decline. */
    private <T> T answer(Operation operation, List<Object> arguments, @Nullable Outcomes<T> outcomes, Supplier<T> simulation) {
        return answer(operation, arguments, outcomes, null, declineReason -> simulation.get());
    }

    /**
     * Records the call and answers it: the queued answer, else {@code fallback} (a key's standing answer), else the
     * operation's standing answer, else the simulation. {@code simulation} takes the decline reason (null to approve).
     */
    private <T> T answer(Operation operation, List<Object> arguments, @Nullable Outcomes<T> outcomes, @Nullable Answer fallback,
                         Function<String, T> simulation) {
        calls.add(new Call(operation, arguments));
        Deque<Answer> queue = queued.get(operation);
        Answer answer = queue != null && !queue.isEmpty() ? queue.poll()
                : Objects.requireNonNullElse(fallback, standing.getOrDefault(operation, Answer.simulate()));
        if (answer instanceof Answer.Throw thrown) {
            throw thrown.exception();
        }
        if (answer instanceof Answer.Unreachable unreachable) {
            if (outcomes == null) {
                throw new IamportUnavailableException(unreachable.reason(), false, null);
            }
            return outcomes.notAttempted().apply(unreachable.reason());
        }
        if (answer instanceof Answer.Refuse refuse) {
            if (outcomes == null) {
                throw new IamportRejectedException(operation.wireName, 200, refuse.code(), refuse.message());
            }
            return outcomes.refused().apply(refuse);
        }
        if (answer instanceof Answer.Lost lost) {
            if (lost.applied()) {
                simulation.apply(null);
            }
            if (outcomes == null) {
                throw new IamportUnavailableException(lost.reason(), true, null);
            }
            return outcomes.unknown().apply(lost.reason());
        }
        return simulation.apply(answer instanceof Answer.Decline decline ? decline.failReason() : null);
    }

    /** Records the attempt as paid (or failed with {@code declineReason}) unless its merchant_uid is paid already. */
    private ChargeOutcome settleCharge(IamportPaymentBuilder draft, @Nullable String declineReason) {
        IamportPayment payment = (declineReason == null ? draft.paidAt(now()) : draft.failed(declineReason, now())).build();
        if (latestOf(payment.merchantUid(), PaymentStatus.PAID).isPresent()) {
            return new ChargeOutcome.Declined(ALREADY_PAID, 1, null);
        }
        seedPayment(payment);
        return declineReason == null ? new ChargeOutcome.Paid(payment) : new ChargeOutcome.Declined(declineReason, 0, payment);
    }

    /** i'mport's refund checks, in its order: a payment to cancel, paid, the checksum, an amount within the balance. */
    private CancelOutcome refund(PaymentCancel cancel) {
        IamportPayment payment = payments.get(cancel.impUid());
        if (payment == null || payment.status() == PaymentStatus.CANCELLED) {
            return new CancelOutcome.Rejected(NOTHING_TO_CANCEL, 1);
        }
        if (payment.status() != PaymentStatus.PAID) {
            return new CancelOutcome.Rejected("결제완료 상태가 아닌 결제건은 취소할 수 없습니다. (status: " + payment.status().code() + ")", 1);
        }
        long balance = payment.refundableAmount();
        if (cancel.checksum() != balance) {
            return new CancelOutcome.Rejected("checksum(" + cancel.checksum() + ")이 취소가능잔액(" + balance + ")과 일치하지 않습니다.", 1);
        }
        long amount = cancel.amount() == null || cancel.amount() == 0 ? balance : cancel.amount();
        if (amount > balance) {
            return new CancelOutcome.Rejected("취소요청금액(" + amount + ")이 취소가능잔액(" + balance + ")보다 큽니다.", 1);
        }
        IamportPayment refunded = IamportPaymentBuilder.from(payment).refunded(payment.cancelledAmount() + amount, now()).build();
        payments.put(refunded.impUid(), refunded);
        return new CancelOutcome.Cancelled(refunded);
    }

    /** The most recently created payment of {@code merchantUid} (in {@code status} if given), test-channel ones included. */
    private Optional<IamportPayment> latestOf(String merchantUid, @Nullable PaymentStatus status) {
        IamportPayment latest = null;
        for (IamportPayment payment : payments.values()) {
            if (payment.merchantUid().equals(merchantUid) && (status == null || payment.status() == status)) {
                latest = payment;
            }
        }
        return Optional.ofNullable(latest);
    }

    private void requireApplicable(Operation operation, Answer answer) {
        Objects.requireNonNull(answer, "answer");
        if (answer instanceof Answer.Decline && !operation.charges()) {
            throw new IllegalArgumentException("only charges are declined; " + operation + " can be refused");
        }
    }

    private String nextImpUid() {
        return "imp_" + ++lastImpUid;
    }

    private Instant now() {
        // i'mport reports times in whole seconds
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static CardSummary cardOf(CardDetails card) {
        return new CardSummary(null, null, card.cardNumber(), 0);
    }

    private static List<Object> arguments(Object... values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }
}
