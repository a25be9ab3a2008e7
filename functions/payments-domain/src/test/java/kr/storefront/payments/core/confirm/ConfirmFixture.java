package kr.storefront.payments.core.confirm;

import java.time.Duration;
import java.util.List;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderLine;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.iamport.IamportBillingKey;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.testing.CapturedStdout;
import kr.storefront.payments.core.testing.FakeIamportGateway;
import kr.storefront.payments.core.testing.IamportConfigurations;
import kr.storefront.payments.core.testing.IamportPaymentBuilder;
import kr.storefront.payments.core.testing.InMemoryStores;
import kr.storefront.payments.core.testing.MutableClock;
import kr.storefront.payments.core.testing.RacingOrderStore;
import kr.storefront.payments.core.testing.RecordingMetrics;

/**
 * The confirm step on fakes: {@link ConfirmService} (with its {@link BillingKeyConfirmation} and {@link PaymentRefunds})
 * over the in-memory order and billing-key stores and i'mport, and {@link WebhookService} over the in-memory webhook log.
 * Orders are seeded as checkout leaves them: pending, at version 1.
 */
final class ConfirmFixture {

    static final String CUSTOMER = "member-1";
    static final long PRICE = 36_000;
    static final long PLAN_AMOUNT = 29_000;

    final MutableClock clock = new MutableClock();
    final InMemoryStores stores = new InMemoryStores(clock);
    final RacingOrderStore orders = new RacingOrderStore(stores.orders());
    final FakeIamportGateway iamport = new FakeIamportGateway(clock);
    final ConfirmService confirm;
    private int orderCount;

    final RecordingMetrics metrics = new RecordingMetrics();

    ConfirmFixture() {
        this(IamportConfigurations.defaults());
    }

    /** The fake i'mport shows test-channel payments to {@code findPayment} exactly when the configuration asks for them. */
    ConfirmFixture(IamportConfiguration configuration) {
        iamport.includeSandbox(configuration.includeSandbox());
        confirm = new ConfirmService(iamport, orders, new BillingKeyConfirmation(iamport, stores.billingKeys(), clock),
                new PaymentRefunds(iamport), configuration, metrics, clock);
    }

    WebhookService webhooks() {
        return webhooks(new WebhookConfiguration(List.of(), Duration.ofDays(90)));
    }

    WebhookService webhooks(WebhookConfiguration configuration) {
        return new WebhookService(confirm, stores.webhookLog(), configuration, metrics, clock);
    }

    /** A pending storefront order of {@link #PRICE} won through {@code pg}. */
    Order order(Pg pg) {
        return stores.orders().seed(Order.pending(nextMerchantUid(), OrderKind.ONE_TIME, null, "Coffee beans 1kg", PRICE, pg,
                "card", List.of(new OrderLine("BEANS-1KG", "Coffee beans 1kg", PRICE, 1)), null, null, clock.instant()));
    }

    /** A billing-key window that must charge nothing, and its pending key. */
    Order keyOnlyWindow(Pg pg) {
        return window(pg, 0);
    }

    /** A kakaopay billing-key window charging the first period of plan {@code monthly-coffee}, and its pending key. */
    Order firstPeriodWindow() {
        return stores.orders().seed(window(Pg.KAKAOPAY, PLAN_AMOUNT).forPlan("monthly-coffee"));
    }

    private Order window(Pg pg, long amount) {
        String merchantUid = nextMerchantUid();
        String customerUid = "cuid_" + merchantUid;
        stores.billingKeys().seed(BillingKey.pendingFromWindow(CUSTOMER, customerUid, pg, merchantUid, clock.instant()));
        return stores.orders().seed(Order.pending(merchantUid, OrderKind.BILLING_KEY_ISSUE, CUSTOMER, "Billing key", amount, pg,
                "card", List.of(), customerUid, null, clock.instant()));
    }

    /** i'mport's payment for {@code order} as its window would leave it if nothing went wrong (paid, through its PG), to adjust. */
    IamportPaymentBuilder payment(Order order) {
        IamportPaymentBuilder payment = iamport.newPayment(order.merchantUid(), order.amount()).pgProvider(order.pg().code());
        return order.customerUid() == null ? payment : payment.customerUid(order.customerUid(), "issue");
    }

    IamportPayment seed(IamportPaymentBuilder payment) {
        return iamport.seedPayment(payment.build());
    }

    /** The key i'mport holds for {@code window}, on {@code pgProvider}. */
    IamportBillingKey issueKey(Order window, String pgProvider) {
        return iamport.seedBillingKey(new IamportBillingKey(window.customerUid(), pgProvider, null,
                IamportPaymentBuilder.DEFAULT_CARD, false, clock.instant()));
    }

    ConfirmOutcome confirm(IamportPayment payment, ConfirmSource source) {
        return confirm.confirm(new ConfirmRequest(payment.impUid(), payment.merchantUid(), source));
    }

    Order stored(String merchantUid) {
        return stores.orders().find(merchantUid).orElseThrow();
    }

    BillingKey storedKey(Order window) {
        return stores.billingKeys().find(CUSTOMER, window.customerUid()).orElseThrow();
    }

    List<PaymentCancel> refundRequests() {
        return iamport.requests(PaymentCancel.class);
    }

    /** What the services logged (the simple logger writes to stdout) while {@code action} ran. */
    static String logsOf(Runnable action) {
        return CapturedStdout.of(action);
    }

    private String nextMerchantUid() {
        return String.format("ord_%024d", ++orderCount);
    }
}
