package kr.storefront.payments.core.confirm;

import java.time.Clock;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.OrderStore;

/**
 * Builds a {@link ConfirmService} without an application context, for the unit tests of services that confirm
 * through it (its constructor and collaborators are package-private, so this bridge lives in their package).
 */
public final class ConfirmServices {

    private ConfirmServices() {
    }

    public static ConfirmService over(IamportGateway gateway, OrderStore orders, BillingKeyStore keys,
                                      IamportConfiguration iamport, Clock clock) {
        return new ConfirmService(gateway, orders, new BillingKeyConfirmation(gateway, keys, clock), new PaymentRefunds(gateway),
                iamport, clock);
    }
}
