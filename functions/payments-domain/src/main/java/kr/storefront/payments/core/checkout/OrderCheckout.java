package kr.storefront.payments.core.checkout;

import jakarta.inject.Singleton;
import java.time.Clock;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.idempotency.IdGenerator;
import kr.storefront.payments.core.idempotency.Idempotency;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.WriteResult;

/**
 * Turns a storefront's order request into {@code IMP.request_pay} parameters: checks the PG's rules,
 * prices the order from our catalog, stores it as pending and registers its amount with i'mport.
 * A retry with the same {@code Idempotency-Key} returns the same order, never a new merchant_uid.
 */
@Singleton
public class OrderCheckout {

    private final EnabledPgs pgs;
    private final OrderPricing pricing;
    private final OrderStore orders;
    private final IamportWindow iamport;
    private final Idempotency idempotency;
    private final IdGenerator ids;
    private final CheckoutConfiguration configuration;
    private final CheckoutMetrics metrics;
    private final Clock clock;

    OrderCheckout(EnabledPgs pgs, OrderPricing pricing, OrderStore orders, IamportWindow iamport, Idempotency idempotency,
                  IdGenerator ids, CheckoutConfiguration configuration, CheckoutMetrics metrics, Clock clock) {
        this.pgs = pgs;
        this.pricing = pricing;
        this.orders = orders;
        this.iamport = iamport;
        this.idempotency = idempotency;
        this.ids = ids;
        this.configuration = configuration;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @throws kr.storefront.payments.core.domain.InvalidRequestException       broken PG or catalog rules
     * @throws kr.storefront.payments.core.idempotency.IdempotencyKeyReusedException the key was used for another request
     * @throws AmountRegistrationException                                       i'mport refused the amount
     */
    public CheckoutParams start(OrderRequest request) {
        Pg pg = pgs.resolve(request.pg());
        PgProfile profile = PgProfile.of(pg);
        PricedOrder priced = pricing.price(request.items(), request.planId());
        String payMethod = PgRules.checkOrder(profile, request.payMethod(), request.buyer(), request.cardOptions(),
                request.escrow(), priced.amount());
        String scope = "orders:" + (request.customerId() == null ? "guest" : request.customerId());
        Idempotency.Reservation reservation = idempotency.reserve(scope, request.idempotencyKey(), request.canonical(), ids::merchantUid);
        String merchantUid = reservation.id();
        Order order = reservation.existing(orders::find).orElseGet(() -> store(Order.pending(merchantUid, OrderKind.ONE_TIME,
                request.customerId(), priced.name(), priced.amount(), pg, payMethod, priced.lines(), null, null, clock.instant())));
        if (order.status() == OrderStatus.PENDING) {
            iamport.prepare(merchantUid, order.amount());
        }
        var params = RequestPayParams.of(iamport.windowChannel(pg), payMethod)
                .put("merchant_uid", merchantUid)
                .put("name", order.name())
                .put("amount", order.amount())
                .put("currency", order.currency())
                .buyer(request.buyer())
                .put("escrow", request.escrow() ? Boolean.TRUE : null)
                // the JS SDK requires digital for phone payments (it also sets the PG's fee): from the catalog
                .put("digital", "phone".equals(payMethod) ? priced.digital() : null)
                .cardOptions(request.cardOptions())
                .returnUrls(profile, request.device(), request.apiBaseUrl(), configuration)
                .build();
        return new CheckoutParams(iamport.impCode(), merchantUid, null, order.amount(), order.status(), params);
    }

    /** Inserts, or takes the order a concurrent retry stored first. */
    private Order store(Order order) {
        WriteResult<Order> inserted = orders.insert(order);
        if (inserted.applied()) {
            metrics.orderCreated();
        }
        return inserted.current().orElseThrow();
    }
}
