package kr.storefront.payments.core.testing;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.catalog.Product;
import kr.storefront.payments.core.confirm.WebhookDelivery;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.VirtualAccount;
import kr.storefront.payments.core.idempotency.IdempotencyRecord;

/**
 * Values as the real store gives them back: at the version the store assigned, with times at the table's precision
 * (milliseconds; the TTL attribute {@code expires_at} in whole seconds). So a test cannot pass on the fake by
 * relying on a nanosecond that DynamoDB would have dropped.
 */
final class StoredForm {

    private StoredForm() {
    }

    @Nullable
    static Instant millis(@Nullable Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    }

    static Instant seconds(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS);
    }

    static Order order(Order o, long version) {
        VirtualAccount account = o.virtualAccount() == null ? null : new VirtualAccount(o.virtualAccount().bankCode(),
                o.virtualAccount().bankName(), o.virtualAccount().number(), o.virtualAccount().holder(),
                millis(o.virtualAccount().dueAt()));
        return new Order(o.merchantUid(), o.kind(), o.customerId(), o.name(), o.amount(), o.currency(), o.pg(), o.payMethod(),
                o.lines(), o.status(), o.impUid(), o.customerUid(), o.subscriptionId(), o.planId(), account, o.card(),
                o.failReason(), o.refundedAmount(), o.refunds().stream().map(r -> new kr.storefront.payments.core.domain.Refund(
                        r.refundId(), r.pgTid(), r.amount(), millis(r.cancelledAt()), r.reason(), r.receiptUrl())).toList(),
                o.pendingRefund() == null ? null : new kr.storefront.payments.core.domain.PendingRefund(
                        o.pendingRefund().refundId(), o.pendingRefund().amount(), o.pendingRefund().checksum(),
                        millis(o.pendingRefund().requestedAt())),
                millis(o.createdAt()), millis(o.updatedAt()), version);
    }

    static Subscription subscription(Subscription s, long version) {
        return new Subscription(s.id(), s.customerId(), s.customerUid(), s.planId(), s.name(), s.amount(), s.currency(),
                s.interval(), millis(s.anchorAt()), s.period(), millis(s.nextChargeAt()), s.status(), s.failedAttempts(),
                s.cancelAtPeriodEnd(), s.periodAttempts(), s.attemptOpen(), millis(s.createdAt()), millis(s.updatedAt()), version);
    }

    static ChargeAttempt attempt(ChargeAttempt a, long version) {
        return new ChargeAttempt(a.customerId(), a.subscriptionId(), a.period(), a.attempt(), a.merchantUid(), a.customerUid(),
                a.amount(), a.currency(), a.name(), a.state(), a.impUid(), a.failReason(), millis(a.createdAt()),
                millis(a.updatedAt()), version);
    }

    static BillingKey billingKey(BillingKey k, long version) {
        return new BillingKey(k.customerId(), k.customerUid(), k.pg(), k.windowMerchantUid(), k.status(), k.card(),
                millis(k.createdAt()), millis(k.updatedAt()), version);
    }

    static Product product(Product p) {
        return new Product(p.sku(), p.name(), p.price(), p.active(), p.digital(), millis(p.updatedAt()));
    }

    static Plan plan(Plan p) {
        return new Plan(p.id(), p.name(), p.amount(), p.interval(), p.active(), p.digital(), millis(p.updatedAt()));
    }

    static WebhookDelivery delivery(WebhookDelivery d) {
        return new WebhookDelivery(d.impUid(), d.merchantUid(), d.status(), d.cancellationId(), d.sourceIp(),
                millis(d.receivedAt()), d.verdict(), d.detail(), seconds(d.expiresAt()));
    }

    static IdempotencyRecord idempotency(IdempotencyRecord r) {
        return new IdempotencyRecord(r.scope(), r.key(), r.requestHash(), r.resourceId(), millis(r.createdAt()),
                seconds(r.expiresAt()));
    }
}
