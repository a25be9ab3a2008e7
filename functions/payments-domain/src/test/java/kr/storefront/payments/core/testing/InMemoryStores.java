package kr.storefront.payments.core.testing;

import java.time.Clock;
import java.util.List;

/**
 * One in-memory "table": every store fake, the ledger writing through the same order, subscription and attempt
 * stores, and switches to make them all unavailable at once (DynamoDB down) or well again.
 */
public final class InMemoryStores {

    private final InMemoryOrderStore orders = new InMemoryOrderStore();
    private final InMemoryBillingKeyStore billingKeys = new InMemoryBillingKeyStore();
    private final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    private final InMemoryChargeAttemptStore chargeAttempts = new InMemoryChargeAttemptStore();
    private final InMemoryChargeLedger ledger = new InMemoryChargeLedger(chargeAttempts, orders, subscriptions);
    private final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    private final InMemoryIdempotencyStore idempotency;
    private final InMemoryWebhookLog webhookLog = new InMemoryWebhookLog();
    private final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail();

    /** @param clock what the idempotency store reads expiry against (a {@link MutableClock} in most tests) */
    public InMemoryStores(Clock clock) {
        this.idempotency = new InMemoryIdempotencyStore(clock);
    }

    public InMemoryOrderStore orders() {
        return orders;
    }

    public InMemoryBillingKeyStore billingKeys() {
        return billingKeys;
    }

    public InMemorySubscriptionStore subscriptions() {
        return subscriptions;
    }

    public InMemoryChargeAttemptStore chargeAttempts() {
        return chargeAttempts;
    }

    public InMemoryChargeLedger ledger() {
        return ledger;
    }

    public InMemoryCatalogStore catalog() {
        return catalog;
    }

    public InMemoryIdempotencyStore idempotency() {
        return idempotency;
    }

    public InMemoryWebhookLog webhookLog() {
        return webhookLog;
    }

    public InMemoryAuditTrail auditTrail() {
        return auditTrail;
    }

    /** Every call of every store fails until {@link #recover()}. */
    public void failAllCalls() {
        faults().forEach(StoreFaults::failAllCalls);
    }

    /** Disarms every fault of every store. */
    public void recover() {
        faults().forEach(StoreFaults::recover);
    }

    private List<StoreFaults> faults() {
        return List.of(orders.faults(), billingKeys.faults(), subscriptions.faults(), chargeAttempts.faults(), ledger.faults(),
                catalog.faults(), idempotency.faults(), webhookLog.faults(),
                auditTrail.faults());
    }
}
