package kr.storefront.payments.core.refund;

import java.time.Clock;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.idempotency.Idempotencies;
import kr.storefront.payments.core.idempotency.IdempotencyStore;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.testing.SequentialIdGenerator;

/**
 * Builds a {@link RefundService} without an application context for tests of other packages (its constructor is
 * package-private, so this bridge lives in its package).
 */
public final class RefundServices {

    private RefundServices() {
    }

    public static RefundService over(OrderStore orders, IamportGateway gateway, IdempotencyStore idempotency, RefundMetrics metrics,
                                     Clock clock) {
        return new RefundService(orders, gateway, Idempotencies.over(idempotency, clock), new SequentialIdGenerator(), metrics,
                clock);
    }
}
