package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.ResourceNotFoundException;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.iamport.BillingKeyIssue;
import kr.storefront.payments.core.iamport.CardDetails;
import kr.storefront.payments.core.iamport.IamportBillingKey;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportRejectedException;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.idempotency.IdGenerator;
import kr.storefront.payments.core.idempotency.Idempotency;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.OptimisticUpdate;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.Page;
import kr.storefront.payments.core.store.SubscriptionStore;
import kr.storefront.payments.core.store.WriteResult;

/** A customer's billing keys: issuance (window or Toss API mode), listing and deletion. */
@Singleton
public class BillingKeys {

    private static final int PAGE = 100;

    private final EnabledPgs pgs;
    private final OrderPricing pricing;
    private final BillingKeyStore keys;
    private final OrderStore orders;
    private final SubscriptionStore subscriptions;
    private final IamportGateway gateway;
    private final IamportWindow iamport;
    private final Idempotency idempotency;
    private final IdGenerator ids;
    private final CheckoutConfiguration configuration;
    private final CheckoutMetrics metrics;
    private final Clock clock;

    BillingKeys(EnabledPgs pgs, OrderPricing pricing, BillingKeyStore keys, OrderStore orders, SubscriptionStore subscriptions,
                IamportGateway gateway, IamportWindow iamport, Idempotency idempotency, IdGenerator ids,
                CheckoutConfiguration configuration, CheckoutMetrics metrics, Clock clock) {
        this.pgs = pgs;
        this.pricing = pricing;
        this.keys = keys;
        this.orders = orders;
        this.subscriptions = subscriptions;
        this.gateway = gateway;
        this.iamport = iamport;
        this.idempotency = idempotency;
        this.ids = ids;
        this.configuration = configuration;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Parameters of a billing-key window, with a new opaque customer_uid stored as pending. The window's
     * amount is only charged where the PG charges (kakaopay) and the request explicitly asks for it.
     */
    public CheckoutParams openWindow(BillingWindowRequest request) {
        Pg pg = pgs.resolve(request.pg());
        PgProfile profile = PgProfile.of(pg);
        Plan plan = request.planId() == null ? null : pricing.activePlan(request.planId());
        String payMethod = PgRules.checkBillingWindow(profile, request.payMethod(), request.buyer(),
                request.chargeFirstPeriod(), plan != null);
        long charged = request.chargeFirstPeriod() ? plan.amount() : 0;
        // kakaopay charges any positive amount, so it is shown exactly what is charged; the others only display it
        long shown = profile.billingWindow() == BillingWindow.CHARGES_WHEN_AMOUNT_POSITIVE ? charged
                : plan == null ? 0 : plan.amount();
        String name = plan == null ? configuration.billingWindowName() : plan.name();

        Idempotency.Reservation reservation = idempotency.reserve("billing-keys:" + request.customerId(),
                request.idempotencyKey(), request.canonical(), ids::merchantUid);
        String merchantUid = reservation.id();
        Order order = reservation.existing(orders::find).orElseGet(() -> {
            Order window = Order.pending(merchantUid, OrderKind.BILLING_KEY_ISSUE, request.customerId(), name, charged, pg,
                    payMethod, List.of(), ids.customerUid(), null, clock.instant());
            // a window that charges a first period remembers the plan, so the subscription it pays for can be checked
            WriteResult<Order> inserted = orders.insert(charged > 0 ? window.forPlan(plan.id()) : window);
            if (inserted.applied()) {
                metrics.orderCreated();
            }
            return inserted.current().orElseThrow();
        });
        keys.insert(BillingKey.pendingFromWindow(request.customerId(), order.customerUid(), pg, merchantUid, order.createdAt()));
        iamport.prepare(merchantUid, charged);

        var params = RequestPayParams.of(iamport.windowChannel(pg), payMethod)
                .put("merchant_uid", merchantUid)
                .put("name", name)
                .put("amount", shown)
                .put("currency", order.currency())
                .put("customer_uid", order.customerUid())
                .put("customer_id", pg == Pg.TOSSPAYMENTS ? TossCustomerKey.of(request.customerId()) : null)
                .buyer(request.buyer())
                .returnUrls(profile, request.device(), request.apiBaseUrl(), configuration)
                .build();
        return new CheckoutParams(iamport.impCode(), merchantUid, order.customerUid(), charged, order.status(), params);
    }

    /**
     * Toss API mode: issues a key from raw card data. The card data goes to i'mport and is forgotten.
     *
     * @throws FeatureDisabledException when API mode is off, or the secret names no API-mode channel
     * @throws CardRejectedException    when the card company refuses the card
     */
    public BillingKey issueWithCard(String customerId, @Nullable String pgCode, CardDetails card) {
        Pg pg = apiModePg(pgCode);
        // POST /subscribe/customers requires channel_key (V1 schema): refuse before anything is stored
        String channelKey = iamport.apiChannelKey(pg).orElseThrow(() -> new FeatureDisabledException("card data is not accepted: "
                + "this deployment names no API-mode channel for " + pg.code() + " (api_channel_keys in the i'mport secret)"));
        String customerUid = ids.customerUid();
        BillingKey pending = keys.insert(BillingKey.pending(customerId, customerUid, pg, clock.instant())).current().orElseThrow();
        IamportBillingKey issued;
        try {
            issued = gateway.issueBillingKey(new BillingKeyIssue(customerUid, channelKey, TossCustomerKey.of(customerId), card));
        } catch (IamportRejectedException refused) {
            settle(pending, BillingKeyStatus.FAILED, null);
            throw new CardRejectedException(refused.iamportMessage());
        } catch (IamportUnavailableException unanswered) {
            // the key may exist at i'mport even though the answer was lost: ask before giving up
            Optional<IamportBillingKey> found = gateway.findBillingKey(customerUid);
            if (found.isEmpty()) {
                settle(pending, BillingKeyStatus.FAILED, null);
                throw unanswered;
            }
            issued = found.get();
        }
        return settle(pending, BillingKeyStatus.ACTIVE, issued);
    }

    /** The PG for an API-mode request, refusing every PG but tosspayments with a clear reason. */
    Pg apiModePg(@Nullable String pgCode) {
        if (!configuration.tossApiMode()) {
            throw new FeatureDisabledException("card data is not accepted: Toss API-mode billing is disabled in this deployment");
        }
        Pg pg = pgs.resolve(pgCode);
        if (!PgProfile.of(pg).apiModeBilling()) {
            throw new InvalidRequestException("pg", "card data is only accepted for "
                    + "tosspayments API-mode billing; " + pg.code() + " issues billing keys in its payment window");
        }
        return pg;
    }

    public Page<BillingKey> list(String customerId, @Nullable String cursor, int limit) {
        return keys.listByCustomer(customerId, cursor, limit);
    }

    /**
     * Deletes the key at i'mport and marks it deleted. While an active subscription uses it the
     * deletion is refused, unless {@code cancelSubscriptions}: then they end first, so no run can
     * charge a key that is being deleted.
     *
     * @throws ResourceNotFoundException when the customer has no such key
     * @throws BillingKeyInUseException  when active subscriptions use it
     */
    public BillingKey delete(String customerId, String customerUid, boolean cancelSubscriptions) {
        BillingKey key = keys.find(customerId, customerUid)
                .orElseThrow(() -> new ResourceNotFoundException("billing key"));
        if (key.status() == BillingKeyStatus.DELETED) {
            return key;
        }
        List<Subscription> using = billableSubscriptionsOf(customerId, customerUid);
        if (!using.isEmpty() && !cancelSubscriptions) {
            throw new BillingKeyInUseException(using.stream().map(Subscription::id).toList());
        }
        using.forEach(subscription -> endNow(subscription));
        gateway.deleteBillingKey(customerUid, "customer request");
        return settle(key, BillingKeyStatus.DELETED, null);
    }

    private List<Subscription> billableSubscriptionsOf(String customerId, String customerUid) {
        List<Subscription> found = new ArrayList<>();
        String cursor = null;
        do {
            Page<Subscription> page = subscriptions.listByCustomer(customerId, cursor, PAGE);
            page.items().stream().filter(s -> s.status().isBillable() && s.customerUid().equals(customerUid)).forEach(found::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return found;
    }

    private void endNow(Subscription subscription) {
        OptimisticUpdate.apply(subscription, current -> current.status().isBillable()
                ? Optional.of(current.cancelNow(clock.instant())) : Optional.empty(), subscriptions::update, subscription.id());
    }

    /** Moves the key to {@code target} (re-reading on conflicts); returns what is stored. */
    private BillingKey settle(BillingKey key, BillingKeyStatus target, @Nullable IamportBillingKey issued) {
        return OptimisticUpdate.apply(key, current -> current.status() == target || !current.status().canBecome(target)
                        ? Optional.empty()
                        : Optional.of(current.transitionTo(target, issued == null ? null : issued.card(), clock.instant())),
                keys::update, key.customerUid()).value();
    }
}
