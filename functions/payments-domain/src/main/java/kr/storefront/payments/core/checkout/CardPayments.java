package kr.storefront.payments.core.checkout;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import kr.storefront.payments.core.confirm.ConfirmOutcome;
import kr.storefront.payments.core.confirm.ConfirmRequest;
import kr.storefront.payments.core.confirm.ConfirmService;
import kr.storefront.payments.core.confirm.ConfirmSource;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.iamport.BillingKeyCharge;
import kr.storefront.payments.core.iamport.ChargeOutcome;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.OneTimeCardCharge;
import kr.storefront.payments.core.idempotency.IdGenerator;
import kr.storefront.payments.core.idempotency.Idempotency;
import kr.storefront.payments.core.store.OptimisticUpdate;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Toss API mode: charges raw card data once ({@code onetime}), or saves the card as a billing key
 * and charges that ({@code again}), the route the reference recommends over {@code onetime} with a
 * customer_uid. The charge result is confirmed like any payment. A retried request (same
 * idempotency key) never charges again: it reports the order as it stands.
 */
@Singleton
public class CardPayments {

    private static final Logger LOG = LoggerFactory.getLogger(CardPayments.class);

    private final BillingKeys billingKeys;
    private final OrderPricing pricing;
    private final OrderStore orders;
    private final IamportGateway gateway;
    private final IamportWindow window;
    private final ConfirmService confirmations;
    private final Idempotency idempotency;
    private final IdGenerator ids;
    private final Clock clock;

    CardPayments(BillingKeys billingKeys, OrderPricing pricing, OrderStore orders, IamportGateway gateway, IamportWindow window,
                 ConfirmService confirmations, Idempotency idempotency, IdGenerator ids, Clock clock) {
        this.billingKeys = billingKeys;
        this.pricing = pricing;
        this.orders = orders;
        this.gateway = gateway;
        this.window = window;
        this.confirmations = confirmations;
        this.idempotency = idempotency;
        this.ids = ids;
        this.clock = clock;
    }

    public CardPaymentResult pay(CardPaymentRequest request) {
        Pg pg = billingKeys.apiModePg(request.pg());
        PricedOrder priced = pricing.price(request.items(), request.planId());
        Idempotency.Reservation reservation = idempotency.reserve("card-payments:" + request.customerId(),
                request.idempotencyKey(), request.canonical(), ids::merchantUid);
        String merchantUid = reservation.id();
        Optional<Order> existing = reservation.existing(orders::find);
        if (existing.isPresent()) {
            return reportRetry(existing.get());
        }
        WriteResult<Order> inserted = orders.insert(Order.pending(merchantUid, OrderKind.ONE_TIME, request.customerId(),
                priced.name(), priced.amount(), pg, "card", priced.lines(), null, null, clock.instant()));
        Order order = inserted.current().orElseThrow();
        if (!inserted.applied()) {
            // a concurrent retry of this request stored the order first: it charges, this one only reports
            return reportRetry(order);
        }
        String customerUid = null;
        ChargeOutcome outcome;
        if (request.saveCard()) {
            BillingKey key = billingKeys.issueWithCard(request.customerId(), pg.code(), request.card());
            customerUid = key.customerUid();
            outcome = gateway.chargeBillingKey(new BillingKeyCharge(customerUid, merchantUid, order.amount(), order.name(), null));
        } else {
            // API mode's MID (Toss API version 1.4), as key issuance uses: never the bare PG code when a MID is configured
            outcome = gateway.chargeCardOnce(new OneTimeCardCharge(merchantUid, order.amount(), order.name(), window.apiModePg(pg),
                    request.card(), null, null));
        }
        return settle(order, outcome, customerUid);
    }

    private CardPaymentResult settle(Order order, ChargeOutcome outcome, String customerUid) {
        if (outcome instanceof ChargeOutcome.Paid paid) {
            Order confirmed = confirmed(confirmations.apply(paid.payment(), ConfirmSource.SERVER_CHARGE), order);
            return new CardPaymentResult(confirmed, confirmed.status() == OrderStatus.PAID
                    ? CardPaymentResult.Outcome.PAID : CardPaymentResult.Outcome.REFUNDED, confirmed.failReason(), customerUid);
        }
        if (outcome instanceof ChargeOutcome.Declined declined) {
            return new CardPaymentResult(fail(order, declined.reason()), CardPaymentResult.Outcome.DECLINED, declined.reason(),
                    customerUid);
        }
        if (outcome instanceof ChargeOutcome.NotAttempted notAttempted) {
            LOG.warn("card payment {} not attempted: {}", order.merchantUid(), notAttempted.reason());
            return new CardPaymentResult(fail(order, "not attempted: i'mport could not be reached, nothing was charged"),
                    CardPaymentResult.Outcome.NOT_ATTEMPTED, "nothing was charged; try again", customerUid);
        }
        LOG.warn("card payment {} outcome unknown, left pending for confirmation: {}", order.merchantUid(),
                ((ChargeOutcome.Unknown) outcome).reason());
        return new CardPaymentResult(order, CardPaymentResult.Outcome.PENDING, null, customerUid);
    }

    /** A retry: look the payment up instead of charging again. */
    private CardPaymentResult reportRetry(Order order) {
        Order current = order;
        if (order.status().isOpen()) {
            current = confirmed(confirmations.confirm(new ConfirmRequest(null, order.merchantUid(), ConfirmSource.SERVER_CHARGE)),
                    order);
        }
        CardPaymentResult.Outcome outcome = switch (current.status()) {
            // refunded later by an operator: the charge itself went through
            case PAID, PARTIALLY_REFUNDED, REFUNDED -> CardPaymentResult.Outcome.PAID;
            case FAILED, CANCELLED -> CardPaymentResult.Outcome.DECLINED;
            case FORGED -> CardPaymentResult.Outcome.REFUNDED;
            case PENDING, AWAITING_DEPOSIT -> CardPaymentResult.Outcome.PENDING;
        };
        return new CardPaymentResult(current, outcome, current.failReason(), null);
    }

    private Order fail(Order order, String reason) {
        return OptimisticUpdate.apply(order, current -> current.status().canBecome(OrderStatus.FAILED)
                        ? Optional.of(current.transitionTo(OrderStatus.FAILED, null, null, null, reason, clock.instant()))
                        : Optional.empty(),
                orders::update, order.merchantUid()).value();
    }

    private static Order confirmed(ConfirmOutcome outcome, Order fallback) {
        return outcome instanceof ConfirmOutcome.Confirmed confirmed ? confirmed.order() : fallback;
    }
}
