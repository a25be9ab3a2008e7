package kr.storefront.payments.testkit.iamport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Completed webhook deliveries, with a wait for asynchronous ones. */
final class DeliveryLog {

    private final List<WebhookDelivery> deliveries = new ArrayList<>();

    synchronized void add(WebhookDelivery delivery) {
        deliveries.add(delivery);
        notifyAll();
    }

    synchronized List<WebhookDelivery> all() {
        return List.copyOf(deliveries);
    }

    /** @return whether at least {@code count} deliveries completed within {@code timeout} */
    synchronized boolean await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (deliveries.size() < count) {
            long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (remainingMillis <= 0) {
                return false;
            }
            wait(remainingMillis);
        }
        return true;
    }

    synchronized void clear() {
        deliveries.clear();
    }
}
