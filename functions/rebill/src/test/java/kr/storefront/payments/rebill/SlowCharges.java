package kr.storefront.payments.rebill;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.testing.MutableClock;

/**
 * Makes every {@code again} call take {@value #PROPERTY} of the test clock's time, so a run's time budget
 * runs out after a known number of charges, without sleeping. Active only when the property is set.
 */
@Singleton
@Requires(property = SlowCharges.PROPERTY)
final class SlowCharges implements BeanCreatedEventListener<IamportGateway> {

    static final String PROPERTY = "test.each-charge-takes";

    private final MutableClock clock;
    private final Duration eachCharge;

    SlowCharges(MutableClock clock, @Value("${" + PROPERTY + "}") Duration eachCharge) {
        this.clock = clock;
        this.eachCharge = eachCharge;
    }

    @Override
    public IamportGateway onCreated(BeanCreatedEvent<IamportGateway> event) {
        IamportGateway gateway = event.getBean();
        return (IamportGateway) Proxy.newProxyInstance(IamportGateway.class.getClassLoader(), new Class<?>[] {IamportGateway.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(gateway, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("chargeBillingKey")) {
                            clock.advance(eachCharge);
                        }
                    }
                });
    }
}
