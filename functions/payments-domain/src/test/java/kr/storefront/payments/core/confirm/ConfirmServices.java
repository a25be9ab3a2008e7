package kr.storefront.payments.core.confirm;

import java.time.Clock;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.testing.RecordingMetrics;

/**
 * Builds a {@link ConfirmService} without an application context for tests of other packages (its constructor and
 * collaborators are package-private, so this bridge lives in its package).
 */
public final class ConfirmServices {

    private ConfirmServices() {
    }

    public static ConfirmService over(IamportGateway gateway, OrderStore orders, BillingKeyStore billingKeys,
                                      IamportConfiguration iamport, Clock clock) {
        return new ConfirmService(gateway, orders, new BillingKeyConfirmation(gateway, billingKeys, clock),
                new PaymentRefunds(gateway), iamport, new RecordingMetrics(), clock);
    }
}
