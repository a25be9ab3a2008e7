package kr.storefront.payments.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import kr.storefront.payments.core.confirm.WebhookDelivery;
import kr.storefront.payments.core.confirm.WebhookLog;
import kr.storefront.payments.core.confirm.WebhookVerdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link WebhookLog} must do: run against the real log (its IT) and the fake (its test). */
public abstract class WebhookLogContract {

    private static final Instant NOW = StoreSamples.NOW;

    private WebhookLog log;

    /** A log with nothing recorded. */
    protected abstract WebhookLog newLog();

    @BeforeEach
    void setUp() {
        log = newLog();
    }

    @Test
    void deliveries_ofOnePayment_comeBackOldestFirst_withEveryField() {
        String impUid = StoreSamples.uid("imp_");
        WebhookDelivery later = delivery(impUid, NOW.plusSeconds(5), "no change");
        WebhookDelivery first = new WebhookDelivery(impUid, "ord_1", "paid", null, "52.78.100.19", NOW, WebhookVerdict.HANDLED,
                "PENDING -> PAID", NOW.plus(Duration.ofDays(30)));
        log.record(later);
        log.record(first);
        log.record(delivery(StoreSamples.uid("imp_"), NOW, "another payment"));

        assertThat(log.deliveries(impUid)).containsExactly(first, later);
    }

    @Test
    void deliveries_ofAPaymentNeverNotified_isEmpty() {
        assertThat(log.deliveries(StoreSamples.uid("imp_"))).isEmpty();
    }

    @Test
    void record_twiceTheSameDelivery_keepsBoth() {
        String impUid = StoreSamples.uid("imp_");
        WebhookDelivery delivery = delivery(impUid, NOW, "no change");

        log.record(delivery);
        log.record(delivery);

        assertThat(log.deliveries(impUid)).hasSize(2);
    }

    private static WebhookDelivery delivery(String impUid, Instant receivedAt, String detail) {
        return new WebhookDelivery(impUid, null, null, null, null, receivedAt, WebhookVerdict.HANDLED, detail,
                receivedAt.plus(Duration.ofDays(30)));
    }
}
