package kr.storefront.payments.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kr.storefront.payments.core.confirm.WebhookDelivery;
import kr.storefront.payments.core.confirm.WebhookLog;

/**
 * {@link WebhookLog} in memory. Deliveries of one payment come back by arrival time (to the millisecond; ties in the
 * order recorded, where the real log's order is arbitrary), expired ones included, as the real log reads them until
 * TTL deletes them: {@link #removeExpired(Instant)} plays that part.
 */
public final class InMemoryWebhookLog implements WebhookLog {

    private final List<WebhookDelivery> recorded = new ArrayList<>();
    private final StoreFaults faults = new StoreFaults("webhookLog", WebhookLog.class);

    @Override
    public synchronized void record(WebhookDelivery delivery) {
        faults.beforeCall("record");
        recorded.add(StoredForm.delivery(delivery));
        faults.afterWrite("record");
    }

    @Override
    public synchronized List<WebhookDelivery> deliveries(String impUid) {
        faults.beforeCall("deliveries");
        return recorded.stream()
                .filter(delivery -> delivery.impUid().equals(impUid))
                .sorted(Comparator.comparing(WebhookDelivery::receivedAt))
                .toList();
    }

    /** Every delivery recorded, in the order recorded (no faults apply). */
    public synchronized List<WebhookDelivery> all() {
        return List.copyOf(recorded);
    }

    /** Deletes the deliveries whose {@code expires_at} second is before {@code now}'s, as the table's TTL eventually does. */
    public synchronized void removeExpired(Instant now) {
        recorded.removeIf(delivery -> delivery.expiresAt().getEpochSecond() < now.getEpochSecond());
    }

    public StoreFaults faults() {
        return faults;
    }
}
