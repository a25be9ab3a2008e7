package kr.storefront.payments.core.testing.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderLine;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.Subscription;

/** Sample entities for the store contracts, shared by the real stores' tests and the fakes'. */
public final class StoreSamples {

    public static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private StoreSamples() {
    }

    public static String uid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static Order pendingOrder(String merchantUid, Instant createdAt) {
        return Order.pending(merchantUid, OrderKind.ONE_TIME, "customer-1", "Coffee beans x2", 36000, Pg.TOSSPAYMENTS, "card",
                List.of(new OrderLine("BEANS-1KG", "Coffee beans", 18000, 2)), null, null, createdAt);
    }

    public static Subscription subscription(String customerId, String id, Instant firstChargeAt) {
        return Subscription.start(id, customerId, "cuid_" + id, "plan-monthly", "Monthly plan", 8900, BillingInterval.months(1),
                firstChargeAt, NOW);
    }
}
