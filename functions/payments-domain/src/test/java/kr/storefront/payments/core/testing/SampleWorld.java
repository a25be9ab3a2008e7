package kr.storefront.payments.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.catalog.CatalogService;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.catalog.Product;
import kr.storefront.payments.core.confirm.ConfirmOutcome;
import kr.storefront.payments.core.confirm.ConfirmRequest;
import kr.storefront.payments.core.confirm.ConfirmService;
import kr.storefront.payments.core.confirm.ConfirmSource;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.CardSummary;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderLine;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.SubscriptionStore;
import kr.storefront.payments.core.store.WriteResult;
import kr.storefront.payments.testkit.iamport.IamportSandbox;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;

/**
 * What the repository's {@code events/} name, made to exist: a catalog, the sample customer's billing keys and
 * subscription, an order paid at i'mport and not confirmed yet (the verify samples confirm it), and a confirmed paid
 * order (the refund sample refunds part of it). On a stack seeded with this, every sample event succeeds; the ids
 * here are the ones written in the event files, and a test reads both.
 *
 * <p>Orders, keys and the subscription are written through the domain's stores with the samples' fixed ids (real
 * ones are random); the payments are made in the sandbox's checkout window, as a buyer would, and the refundable
 * order goes through the real confirm step. Seeding twice changes nothing: each write is an insert that a second
 * run finds done.
 */
public final class SampleWorld {

    /** The JWT {@code sub} of every customer sample. */
    public static final String CUSTOMER = "4f1c2a8e-0b7d-4c3e-9a51-1d2e3f4a5b6c";
    /** Active, unused: {@code checkout-subscriptions-create.json} subscribes with it. */
    public static final String KEY_TO_SUBSCRIBE = "cuid_sample000000000000000001";
    /** Active, unused: {@code checkout-billing-keys-delete.json} deletes it. */
    public static final String KEY_TO_DELETE = "cuid_sample000000000000000002";
    /** Active, charging {@link #SUBSCRIPTION}. */
    public static final String KEY_OF_SUBSCRIPTION = "cuid_sample000000000000000003";
    /** Active, first charge a month away (no rebill run charges it): {@code checkout-subscriptions-cancel.json} cancels it. */
    public static final String SUBSCRIPTION = "sub_sample0000000001";
    /** Active: {@code checkout-admin-subscription-pause.json} pauses it. */
    public static final String SUBSCRIPTION_TO_PAUSE = "sub_sample0000000002";
    /** Paused: {@code checkout-admin-subscription-resume.json} resumes it. */
    public static final String PAUSED_SUBSCRIPTION = "sub_sample0000000003";
    /** Active: {@code checkout-admin-subscription-cancel.json} ends it now. */
    public static final String SUBSCRIPTION_TO_END = "sub_sample0000000004";
    /** Pending here, paid at i'mport as {@link #UNCONFIRMED_PAYMENT}: the verify samples confirm it. */
    public static final String UNCONFIRMED_ORDER = "ord_sampleorder000000000000a";
    public static final String UNCONFIRMED_PAYMENT = "imp_448280090638";
    /** Paid and confirmed, 27,000 won: {@code checkout-admin-order-refund.json} refunds 5,000 of it. */
    public static final String PAID_ORDER = "ord_sample00000000000000000001";

    private static final Pg ORDER_PG = Pg.TOSSPAYMENTS;

    /** The beans seeding uses, from whichever context holds them (a function's, a test bed's). */
    @FunctionalInterface
    public interface Beans {
        <T> T get(Class<T> type);
    }

    private SampleWorld() {
    }

    /** A few products so the demo, the curl session and the samples have something to sell; by sku. */
    private static Map<String, Product> seedProducts(CatalogService catalog) {
        Map<String, Product> products = new LinkedHashMap<>();
        for (Product product : List.of(catalog.upsertProduct("BEANS-1KG", "원두 1kg", 18_000, true),
                catalog.upsertProduct("DRIPPER", "세라믹 드리퍼", 25_000, true),
                catalog.upsertProduct("MUG", "머그컵", 9_000, true),
                catalog.upsertProduct("GIFT-SET", "선물 세트", 62_000, true))) {
            products.put(product.sku(), product);
        }
        return products;
    }

    /** The catalog and everything the samples name. */
    public static void seed(Beans beans, IamportSandbox sandbox) {
        CatalogService catalog = beans.get(CatalogService.class);
        Map<String, Product> products = seedProducts(catalog);
        Plan monthly = catalog.upsertPlan("monthly-coffee", "월간 원두 구독", 29_000, BillingInterval.months(1), true);
        catalog.upsertPlan("daily-tea", "매일 차 구독", 1_500, BillingInterval.days(1), true);
        Instant now = beans.get(Clock.class).instant();
        BillingKeyStore keys = beans.get(BillingKeyStore.class);
        for (String customerUid : List.of(KEY_TO_SUBSCRIBE, KEY_TO_DELETE, KEY_OF_SUBSCRIPTION)) {
            issueKey(sandbox, customerUid);
            keys.insert(BillingKey.pending(CUSTOMER, customerUid, Pg.KAKAOPAY, now)
                    .transitionTo(BillingKeyStatus.ACTIVE, new CardSummary(null, "카카오페이", null, null), now));
        }
        SubscriptionStore subscriptions = beans.get(SubscriptionStore.class);
        for (String id : List.of(SUBSCRIPTION, SUBSCRIPTION_TO_PAUSE, PAUSED_SUBSCRIPTION, SUBSCRIPTION_TO_END)) {
            Subscription active = Subscription.start(id, CUSTOMER, KEY_OF_SUBSCRIPTION, monthly.id(), monthly.name(),
                    monthly.amount(), monthly.interval(), now.plus(Duration.ofDays(30)), now);
            subscriptions.insert(id.equals(PAUSED_SUBSCRIPTION) ? active.pause(now) : active);
        }

        OrderStore orders = beans.get(OrderStore.class);
        Order unconfirmed = pendingOrder(UNCONFIRMED_ORDER,
                List.of(line(products.get("BEANS-1KG"), 2), line(products.get("DRIPPER"), 1)), now);
        if (orders.insert(unconfirmed) instanceof WriteResult.Applied<Order>) {
            pay(sandbox, unconfirmed, UNCONFIRMED_PAYMENT);
        }
        Order paid = pendingOrder(PAID_ORDER, List.of(line(products.get("BEANS-1KG"), 1), line(products.get("MUG"), 1)), now);
        if (orders.insert(paid) instanceof WriteResult.Applied<Order>) {
            String impUid = pay(sandbox, paid, null).impUid();
            ConfirmOutcome outcome = beans.get(ConfirmService.class)
                    .confirm(new ConfirmRequest(impUid, PAID_ORDER, ConfirmSource.CALLBACK));
            if (!(outcome instanceof ConfirmOutcome.Confirmed confirmed) || confirmed.order().status() != OrderStatus.PAID) {
                throw new IllegalStateException("the sample order did not confirm as paid: " + outcome);
            }
        }
    }

    private static OrderLine line(Product product, int quantity) {
        return new OrderLine(product.sku(), product.name(), product.price(), quantity);
    }

    private static Order pendingOrder(String merchantUid, List<OrderLine> lines, Instant now) {
        long amount = lines.stream().mapToLong(line -> line.unitPrice() * line.quantity()).sum();
        String name = lines.get(0).name() + " 외 " + (lines.size() - 1) + "건";
        return Order.pending(merchantUid, OrderKind.ONE_TIME, CUSTOMER, name, amount, ORDER_PG, "card", lines, null, null, now);
    }

    /** The buyer pays {@code order} in i'mport's window (pinned to {@code impUid} when not null). */
    private static WindowResult pay(IamportSandbox sandbox, Order order, String impUid) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("pg", ORDER_PG.code());
        params.put("pay_method", "card");
        params.put("merchant_uid", order.merchantUid());
        params.put("name", order.name());
        params.put("amount", order.amount());
        params.put("buyer_name", "홍길동");
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(params).impUid(impUid).build());
        if (!result.success()) {
            throw new IllegalStateException("the sandbox refused the sample payment of " + order.merchantUid() + ": " + result);
        }
        return result;
    }

    /** A card saved at i'mport under {@code customerUid}, through kakaopay's billing-key window. */
    private static void issueKey(IamportSandbox sandbox, String customerUid) {
        if (sandbox.billingKey(customerUid).isPresent()) {
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("pg", Pg.KAKAOPAY.code());
        params.put("pay_method", "card");
        params.put("merchant_uid", "bk_" + customerUid);
        params.put("customer_uid", customerUid);
        params.put("name", "정기결제 카드 등록");
        params.put("amount", 0);
        sandbox.completeWindow(WindowRequest.builder(params).build());
        if (sandbox.billingKey(customerUid).isEmpty()) {
            throw new IllegalStateException("the sandbox issued no sample billing key " + customerUid);
        }
    }
}
