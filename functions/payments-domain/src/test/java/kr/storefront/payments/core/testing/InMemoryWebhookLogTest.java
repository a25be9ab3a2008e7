package kr.storefront.payments.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import kr.storefront.payments.core.confirm.WebhookDelivery;
import kr.storefront.payments.core.confirm.WebhookLog;
import kr.storefront.payments.core.confirm.WebhookVerdict;
import kr.storefront.payments.core.testing.contract.WebhookLogContract;
import org.junit.jupiter.api.Test;

/** The {@link WebhookLogContract} on the fake, and its TTL sweep. */
class InMemoryWebhookLogTest extends WebhookLogContract {

    @Override
    protected WebhookLog newLog() {
        return new InMemoryWebhookLog();
    }

    @Test
    void expiredDeliveries_areStillRead_untilRemoveExpiredPlaysTheTtl() {
        Instant now = Instant.parse("2026-05-01T00:00:00Z");
        InMemoryWebhookLog log = new InMemoryWebhookLog();
        log.record(new WebhookDelivery("imp_1", null, null, null, null, now, WebhookVerdict.HANDLED, "old", now.plusSeconds(1)));
        log.record(new WebhookDelivery("imp_1", null, null, null, null, now, WebhookVerdict.HANDLED, "new", now.plus(Duration.ofDays(30))));
        Instant later = now.plus(Duration.ofDays(1));

        assertThat(log.deliveries("imp_1")).hasSize(2);
        log.removeExpired(later);

        assertThat(log.deliveries("imp_1")).extracting(WebhookDelivery::detail).containsExactly("new");
    }
}
