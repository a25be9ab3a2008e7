package kr.storefront.payments.core.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import kr.storefront.payments.core.iamport.IamportGateway;

/**
 * Makes every charge through a gateway take a fixed span of a {@link MutableClock}'s time (moved once the call
 * returned or threw), so a time budget runs out after a known number of charges without sleeping.
 */
public final class SlowCharges {

    private static final Set<String> CHARGES = Set.of("chargeBillingKey", "chargeCardOnce");

    private SlowCharges() {
    }

    /** {@code gateway}, with each {@code chargeBillingKey} and {@code chargeCardOnce} taking {@code eachCharge}. */
    public static IamportGateway around(IamportGateway gateway, MutableClock clock, Duration eachCharge) {
        return (IamportGateway) Proxy.newProxyInstance(IamportGateway.class.getClassLoader(), new Class<?>[] {IamportGateway.class},
                (proxy, method, arguments) -> {
                    try {
                        return method.invoke(gateway, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (CHARGES.contains(method.getName())) {
                            clock.advance(eachCharge);
                        }
                    }
                });
    }
}
